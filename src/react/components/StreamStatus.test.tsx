// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { StreamStatus } from "./StreamStatus";
import { failureOf, startSim } from "./simulatorFixture";

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
});
