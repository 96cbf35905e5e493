// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { TeamStatusBanner } from "./TeamStatusBanner";
import { failureOf, startSim, withProviders } from "../../../test/fixtures/simulatorFixture";

const status = () => screen.queryByRole("status");

describe("TeamStatusBanner", () => {
  it("shows 'suspended' after any call finds out, and clears after a later success", async () => {
    const { simulator, client } = await startSim();
    const { container } = render(<TeamStatusBanner />, { wrapper: withProviders(client) });
    expect(container.innerHTML).toBe("");

    simulator.team().suspend();
    await act(() => failureOf(client.createJob({ job_type: "chat" })));
    expect(status()?.textContent).toMatch(/team suspended/i);
    expect(container.querySelector("[data-state=team-suspended]")).toBeTruthy();

    simulator.team().resume();
    await act(() => client.createJob({ job_type: "chat" }));
    expect(container.innerHTML).toBe("");
  });

  it("offers 'Contact support' for a suspended team when given the handler", async () => {
    const { simulator, client } = await startSim();
    const onContactAdmin = vi.fn();
    render(<TeamStatusBanner onContactAdmin={onContactAdmin} onReauth={() => {}} onAddCredits={() => {}} />, { wrapper: withProviders(client) });
    simulator.team().suspend();
    await act(() => failureOf(client.createJob({ job_type: "chat" })));
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Contact support"]);
    await userEvent.click(screen.getByRole("button", { name: "Contact support" }));
    expect(onContactAdmin).toHaveBeenCalledOnce();
  });

  it("shows 'paused', and 'Sign in again' for a rejected key", async () => {
    const { simulator, client } = await startSim();
    const onReauth = vi.fn();
    render(<TeamStatusBanner onReauth={onReauth} />, { wrapper: withProviders(client) });
    simulator.team().pause();
    await act(() => failureOf(client.listTeamJobs()));
    expect(status()?.textContent).toMatch(/team paused/i);

    simulator.team().resume();
    simulator.team().revokeKey();
    await act(() => failureOf(client.getCreditBalance()));
    expect(status()?.textContent).toMatch(/sign-in needed/i);
    await userEvent.click(screen.getByRole("button", { name: /sign in again/i }));
    expect(onReauth).toHaveBeenCalledOnce();
  });

  it("shows 'out of credits' with 'Add credits', or a custom render", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("createAndCall", { status: 403, detail: "Insufficient credits for this team" });
    const onAddCredits = vi.fn();
    render(
      <>
        <TeamStatusBanner onAddCredits={onAddCredits} />
        <TeamStatusBanner render={(v) => <p>Custom {v.status}</p>} />
      </>,
      { wrapper: withProviders(client) },
    );
    await act(() => failureOf(client.createAndCall({ job_type: "chat", model: "chat-fast", messages: [{ role: "user", content: "Hi" }] })));
    expect(status()?.textContent).toMatch(/out of credits/i);
    await userEvent.click(screen.getByRole("button", { name: /add credits/i }));
    expect(onAddCredits).toHaveBeenCalledOnce();
    expect(screen.getByText("Custom out-of-credits")).toBeTruthy();
  });
});
