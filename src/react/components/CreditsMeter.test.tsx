// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CreditsMeter } from "./CreditsMeter";
import { hello, startSim, withProviders } from "../../../test/fixtures/simulatorFixture";

const meter = () => screen.getByRole("meter", { name: "Credits" });

describe("CreditsMeter", () => {
  it("shows the balance as a meter, and follows the balance each completed job reports", async () => {
    const { simulator, client } = await startSim();
    render(<CreditsMeter />, { wrapper: withProviders(client) });
    expect(screen.getByText("Loading credits…")).toBeTruthy();
    await screen.findByRole("meter", { name: "Credits" });
    expect(meter().getAttribute("aria-valuenow")).toBe("100");
    expect(meter().getAttribute("aria-valuemax")).toBe("100");
    expect(meter().getAttribute("aria-valuetext")).toBe("100 of 100 credits left");
    expect(screen.queryByRole("button", { name: "Add credits" })).toBeNull();

    await act(() => client.createAndCall({ model: "chat-fast", messages: hello }));
    await screen.findByText("99 of 100 credits left");
    expect(simulator.requestsTo("getCreditBalance")).toHaveLength(1);
  });

  it("low: says so and offers Add credits", async () => {
    const { simulator, client } = await startSim();
    simulator.team().setCredits(3);
    const onAddCredits = vi.fn();
    const { container } = render(<CreditsMeter lowThreshold={5} max={50} onAddCredits={onAddCredits} />, { wrapper: withProviders(client) });
    await screen.findByRole("meter", { name: "Credits" });
    expect(container.querySelector(".slm-credits-meter")?.getAttribute("data-state")).toBe("low");
    expect(meter().getAttribute("aria-valuetext")).toBe("3 of 50 credits left, low");
    expect(meter().getAttribute("aria-valuemax")).toBe("50");
    expect(screen.getByRole("status").textContent).toBe("Credits are running low.");
    await userEvent.setup().click(screen.getByRole("button", { name: "Add credits" }));
    expect(onAddCredits).toHaveBeenCalledTimes(1);
  });

  it("out: the out-of-credits message and the action; no button without a handler", async () => {
    const { simulator, client } = await startSim();
    simulator.team().setCredits(0);
    const { container, rerender } = render(<CreditsMeter onAddCredits={() => undefined} />, { wrapper: withProviders(client) });
    await screen.findByRole("meter", { name: "Credits" });
    expect(container.querySelector(".slm-credits-meter")?.getAttribute("data-state")).toBe("out");
    expect(meter().getAttribute("aria-valuenow")).toBe("0");
    expect(screen.getByRole("status").textContent).toBe("Your team has used all of its credits. Add credits to keep going.");
    expect(screen.getByRole("button", { name: "Add credits" })).toBeTruthy();
    rerender(<CreditsMeter />);
    expect(screen.queryByRole("button", { name: "Add credits" })).toBeNull();
  });

  it("error: says the balance is unavailable, without a meter", async () => {
    const { simulator, client } = await startSim();
    // Not retryable, so the error shows at once.
    simulator.script.next("getCreditBalance", { status: 400, detail: "bad request" });
    const { container } = render(<CreditsMeter />, { wrapper: withProviders(client) });
    await screen.findByText("Credits unavailable");
    expect(container.querySelector(".slm-credits-meter")?.getAttribute("data-state")).toBe("error");
    expect(screen.queryByRole("meter")).toBeNull();
  });
});
