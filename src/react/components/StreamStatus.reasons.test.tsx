// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ChatStreamStatus } from "../chatStreamStatus";
import type { UnfinishedReason } from "../../core/chat/unfinishedReason";
import { StreamStatus } from "./StreamStatus";

const live = () => screen.getByRole("status").textContent;
const buttons = () => screen.queryAllByRole("button").map((b) => b.textContent);
const noop = () => {};

describe("StreamStatus: reasons in words", () => {
  it.each([
    ["stopped", "stopped", "Stopped — the answer is incomplete", ["Continue"]],
    ["done", "length", "Cut off at the length limit — the answer is incomplete", ["Continue"]],
    ["done", "content_filter", "Stopped by the content filter — the answer is incomplete", ["Retry"]],
    ["interrupted", "network", "The connection was lost — the answer is incomplete", ["Retry", "Continue"]],
    ["interrupted", "stalled", "The stream stalled — the answer is incomplete", ["Retry", "Continue"]],
    ["interrupted", "server_error", "The server failed — the answer is incomplete", ["Retry", "Continue"]],
    ["error", "server_error", "", []],
    ["error", "rate_limited", "", []],
    ["error", "unknown_outcome", "The answer did not arrive — the server may still have finished it", []],
    ["error", "refused", "", []],
  ] as Array<[ChatStreamStatus, UnfinishedReason, string, string[]]>)("%s with reason %s says %j", (status, reason, words, actions) => {
    render(<StreamStatus status={status} reason={reason} onRetry={noop} onContinue={noop} onStop={noop} />);
    expect(live()).toBe(words);
    expect(buttons()).toEqual(actions);
  });

  it("a complete answer says nothing", () => {
    render(<StreamStatus status="done" reason={null} onContinue={noop} />);
    expect(live()).toBe("");
    expect(buttons()).toEqual([]);
  });
});

describe("StreamStatus: retrying", () => {
  it("counts down to the attempt with Stop, then says it is connecting for that attempt", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const onStop = vi.fn();
      render(<StreamStatus status="retrying" retrying={{ attempt: 3, maxAttempts: 4, nextRetryAt: Date.now() + 2000 }} onStop={onStop} />);
      expect(live()).toBe("Retrying in 2 s (3 of 4)");
      expect(buttons()).toEqual(["Stop"]);
      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(live()).toBe("Retrying in 1 s (3 of 4)");
      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(live()).toBe("Connecting… (attempt 3 of 4)");
      screen.getByRole("button", { name: "Stop" }).click();
      expect(onStop).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a new wait restarts the count", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const { rerender } = render(<StreamStatus status="retrying" retrying={{ attempt: 2, maxAttempts: 3, nextRetryAt: Date.now() + 1000 }} />);
      await act(() => vi.advanceTimersByTimeAsync(1000));
      rerender(<StreamStatus status="retrying" retrying={{ attempt: 3, maxAttempts: 3, nextRetryAt: Date.now() + 4000 }} />);
      expect(live()).toBe("Retrying in 4 s (3 of 3)");
    } finally {
      vi.useRealTimers();
    }
  });
});
