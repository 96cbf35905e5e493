// @vitest-environment jsdom
import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBanner } from "./ErrorBanner";
import { failureOf, startSim } from "../../../test/fixtures/simulatorFixture";

const NO_JOB = "00000000-0000-4000-8000-000000000000";
const button = () => screen.getByRole("button") as HTMLButtonElement;

afterEach(() => {
  vi.useRealTimers();
});

async function rateLimited(seconds: number) {
  const { simulator, client } = await startSim();
  simulator.script.next("getJob", { status: 429, detail: "Rate limit exceeded", headers: { "Retry-After": String(seconds) } });
  return failureOf(client.getJob(NO_JOB));
}

describe("retry countdown", () => {
  it("counts 3 s, 2 s, 1 s, then enables 'Try again'", async () => {
    const error = await rateLimited(3);
    vi.useFakeTimers();
    const onRetry = vi.fn();
    render(<ErrorBanner error={error} onRetry={onRetry} />);
    expect(button().textContent).toBe("Retry in 3 s");
    expect(button().disabled).toBe(true);
    fireEvent.click(button());
    expect(onRetry).not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(button().textContent).toBe("Retry in 2 s");
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(button().textContent).toBe("Retry in 2 s");
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(button().textContent).toBe("Retry in 1 s");
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(button().textContent).toBe("Try again");
    expect(button().disabled).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: /try again/i }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("restarts for a new error and stops ticking once done", async () => {
    const first = await rateLimited(1);
    const second = await rateLimited(2);
    vi.useFakeTimers();
    const { rerender } = render(<ErrorBanner error={first} onRetry={() => {}} />);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(button().textContent).toBe("Try again");
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(button().textContent).toBe("Try again");
    rerender(<ErrorBanner error={second} onRetry={() => {}} />);
    expect(button().textContent).toBe("Retry in 2 s");
  });
});
