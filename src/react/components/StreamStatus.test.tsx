// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Simulator as Sim } from "../../testing/index";
import { StreamStatus } from "./StreamStatus";
import { failureOf, startSim } from "../../../test/fixtures/simulatorFixture";

const live = () => screen.getByRole("status");
const buttons = () => screen.queryAllByRole("button").map((b) => b.textContent);

describe("StreamStatus", () => {
  it("shows no text and no buttons when idle or done, but keeps the live region", () => {
    const { rerender } = render(<StreamStatus status="idle" onStop={() => {}} onRetry={() => {}} />);
    expect(live().textContent).toBe("");
    expect(live().getAttribute("aria-live")).toBe("polite");
    expect(buttons()).toEqual([]);
    rerender(<StreamStatus status="done" onStop={() => {}} onRetry={() => {}} />);
    expect(live().textContent).toBe("");
    expect(buttons()).toEqual([]);
  });

  it("connecting, then streaming with Stop", async () => {
    const onStop = vi.fn();
    const { rerender } = render(<StreamStatus status="connecting" />);
    expect(live().textContent).toBe("Connecting…");
    rerender(<StreamStatus status="streaming" onStop={onStop} />);
    expect(live().textContent).toBe("Streaming…");
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(onStop).toHaveBeenCalledOnce();
  });

  it("interrupted offers Retry and Continue", async () => {
    const onRetry = vi.fn();
    const onContinue = vi.fn();
    render(<StreamStatus status="interrupted" onRetry={onRetry} onContinue={onContinue} />);
    expect(live().textContent).toMatch(/interrupted — the answer is incomplete/i);
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect([onRetry.mock.calls.length, onContinue.mock.calls.length]).toEqual([1, 1]);
  });

  it("error shows the banner of a real stream error", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("streamCreateAndCall", { stream: { errorEvent: "Failed to call provider API: OpenAI error: overloaded", errorAfterChunks: 1 } });
    const error = await failureOf(client.streamCreateAndCall({ job_type: "chat", model: "chat-fast", messages: [{ role: "user", content: "Hi" }] }));
    const onRetry = vi.fn();
    render(<StreamStatus status="error" error={error} onRetry={onRetry} />);
    expect(screen.getByRole("alert").textContent).toMatch(/answer stopped/i);
    expect(document.body.textContent).not.toMatch(/OpenAI|provider API/);
    await userEvent.click(screen.getByRole("button", { name: /try again/i }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it.each([
    ["out of credits", "Add credits", (sim: Sim) => sim.team().setCredits(0), "chat-fast"],
    ["a rejected key", "Sign in again", (sim: Sim) => sim.team().revokeKey(), "chat-fast"],
    ["a model the team may not use", "Choose another model", () => {}, "gpt-nope"],
  ] as const)("error from %s offers '%s' through the same action props as ErrorBanner", async (_, label, arrange, model) => {
    const { simulator, client } = await startSim();
    arrange(simulator);
    const error = await failureOf(client.streamCreateAndCall({ job_type: "chat", model, messages: [{ role: "user", content: "Hi" }] }));
    const handlers = { onRetry: vi.fn(), onReauth: vi.fn(), onAddCredits: vi.fn(), onChooseModel: vi.fn(), onContinue: vi.fn() };
    render(<StreamStatus status="error" error={error} {...handlers} />);
    expect(buttons()).toEqual([label]);
    await userEvent.click(screen.getByRole("button", { name: label }));
    const called = Object.entries(handlers).filter(([, fn]) => fn.mock.calls.length > 0).map(([name]) => name);
    expect(called).toHaveLength(1);
  });

  it("leaves account errors to a TeamStatusBanner when told, but still shows its own errors", async () => {
    const { simulator, client } = await startSim();
    simulator.team().setCredits(0);
    const account = await failureOf(client.streamCreateAndCall({ job_type: "chat", model: "chat-fast", messages: [{ role: "user", content: "Hi" }] }));
    simulator.team().setCredits(100);
    const local = await failureOf(client.streamCreateAndCall({ job_type: "chat", model: "gpt-nope", messages: [{ role: "user", content: "Hi" }] }));
    const { rerender } = render(<StreamStatus status="error" error={account} accountErrors="team-banner" onAddCredits={() => {}} />);
    expect(screen.queryByRole("alert")).toBeNull();
    rerender(<StreamStatus status="error" error={local} accountErrors="team-banner" onChooseModel={() => {}} />);
    expect(screen.getByRole("alert").textContent).toMatch(/model not available/i);
  });

  it("while connecting with a retry scheduled, counts down to it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      render(<StreamStatus status="connecting" retryingAt={Date.now() + 3000} onStop={() => {}} />);
      expect(live().textContent).toBe("Retrying in 3 s…");
      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(live().textContent).toBe("Retrying in 2 s…");
      await act(() => vi.advanceTimersByTimeAsync(2000));
      expect(live().textContent).toBe("Connecting…");
    } finally {
      vi.useRealTimers();
    }
  });
});
