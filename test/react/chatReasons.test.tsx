// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StreamStatus, useChatStream, type ChatStreamFinishInfo, type ChatStreamOptions, type SaaSLLMClientOptions } from "../../src/index";
import { useSimulatorServer } from "../helpers";
import { direct } from "../integration/fidelity/kit";
import { renderWithClient } from "./render";

function Chat(props: Partial<ChatStreamOptions> & { finishes: ChatStreamFinishInfo[] }) {
  const { finishes, ...rest } = props;
  const chat = useChatStream({ model: "chat-fast", ...rest, onFinish: (info) => finishes.push(info) });
  return (
    <div>
      <button onClick={() => chat.send("Hello")}>Send</button>
      <StreamStatus status={chat.status} reason={chat.reason} retrying={chat.retrying} error={chat.error} onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue} />
      <p data-testid="reason">{chat.reason ?? "none"}</p>
      <ul>{chat.messages.map((m, i) => <li key={i}>{`${m.role}: ${m.reason ?? "complete"}`}</li>)}</ul>
    </div>
  );
}

const live = () => screen.getByRole("status").textContent;
const reason = () => screen.getByTestId("reason").textContent;

/** A fake clock reaches everything: the simulator runs in-process (`simulator.fetch`, no sockets). */
async function settleUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await act(() => vi.advanceTimersByTimeAsync(0));
  expect(check()).toBe(true);
}

function onFakeClock(client: Partial<SaaSLLMClientOptions>, fault?: Parameters<ReturnType<typeof direct>["sim"]["script"]["next"]>[1], preset: "upstream" | "live" = "upstream", strict = false) {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  const kit = direct({ preset }, client);
  if (fault) kit.sim.script.next("streamCreateAndCall", fault);
  const finishes: ChatStreamFinishInfo[] = [];
  renderWithClient(<Chat finishes={finishes} />, kit.client, { strict });
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  return { ...kit, finishes, sent: () => kit.sim.requestsTo("streamCreateAndCall").length };
}

describe("useChatStream: the live retry countdown (fake clock)", () => {
  afterEach(() => vi.useRealTimers());
  const rateLimited = { status: 429, detail: "Rate limit exceeded", headers: { "retry-after": "3" } };

  it("counts down 'Retrying in N s (2 of 3)' in the polite live region, then sends once more and answers", async () => {
    const { finishes, sent } = onFakeClock({ retry: { maxRetries: 2 } }, rateLimited);
    await settleUntil(() => live() === "Retrying in 3 s (2 of 3)");
    expect(screen.getByRole("status").getAttribute("aria-live")).toBe("polite");
    expect(screen.getByRole("button", { name: "Stop" })).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(live()).toBe("Retrying in 2 s (2 of 3)");
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(live()).toBe("Retrying in 1 s (2 of 3)");
    expect(sent()).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    for (let i = 0; i < 100 && finishes.length === 0; i++) await act(() => vi.advanceTimersToNextTimerAsync());
    expect(finishes).toEqual([expect.objectContaining({ isError: false, reason: null })]);
    expect(sent()).toBe(2);
    expect(live()).toBe("");
  });

  it("Stop during the wait ends it as stopped and sends nothing more (StrictMode)", async () => {
    const { finishes, sent } = onFakeClock({ retry: { maxRetries: 2 } }, rateLimited, "upstream", true);
    await settleUntil(() => live() === "Retrying in 3 s (2 of 3)");
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(live()).toBe("Stopped — the answer is incomplete");
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(sent()).toBe(1);
    expect(finishes).toEqual([expect.objectContaining({ isAbort: true, reason: "stopped" })]);
  });

  it("a timeout before the first token is an unknown outcome, not a plain failure", async () => {
    const { finishes, sent } = onFakeClock({ retry: false, timeouts: { streamCreateAndCall: 500 } }, { delayMs: 60_000 });
    await settleUntil(() => sent() === 1);
    await act(() => vi.advanceTimersByTimeAsync(600));
    await settleUntil(() => finishes.length === 1);
    expect(finishes[0]!.reason).toBe("unknown_outcome");
    expect(live()).toBe("The answer did not arrive — the server may still have finished it");
  });

  it("a token-by-token stream with no data for the idle limit is stalled", async () => {
    const { finishes, sent } = onFakeClock({ retry: false, streamIdleTimeoutMs: 1000 }, { stream: { tokenDelayMs: 60_000 } }, "live");
    await settleUntil(() => sent() === 1);
    await act(() => vi.advanceTimersByTimeAsync(1500));
    await settleUntil(() => finishes.length === 1);
    expect(finishes[0]!.reason).toBe("stalled");
    expect(live()).toBe("The stream stalled — the answer is incomplete");
  });
});

describe("useChatStream: a reason for every unfinished answer", () => {
  const sim = useSimulatorServer({ preset: "live", replyText: "One two three four five six seven eight." });

  const send = (client = sim.client({ retry: false })) => {
    const finishes: ChatStreamFinishInfo[] = [];
    renderWithClient(<Chat finishes={finishes} />, client);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    return finishes;
  };

  it.each([
    ["a cut mid-answer", "network", { stream: { cutAfterChunks: 2 } }, "The connection was lost — the answer is incomplete"],
    ["the server's error event", "server_error", { stream: { errorEvent: "Failed to call provider API", errorAfterChunks: 1 } }, ""],
    ["a 429 with retries off", "rate_limited", { status: 429, detail: "Rate limit exceeded" }, ""],
    ["a refused key", "refused", { status: 401, detail: "Invalid API key" }, ""],
  ] as const)("%s: %s on the state, the message or onFinish, and in words", async (_, expected, fault, words) => {
    sim.simulator.script.next("streamCreateAndCall", fault);
    const finishes = send();
    await waitFor(() => expect(finishes).toHaveLength(1));
    expect(finishes[0]!.reason).toBe(expected);
    expect(reason()).toBe(expected);
    // On error the banner (role alert) speaks; the live region stays quiet rather than say it twice.
    expect(live()).toBe(words);
    if (words === "") expect(screen.getByRole("alert")).toBeTruthy();
    if (expected === "network") expect(screen.getByText(`assistant: ${expected}`)).toBeTruthy();
  });
});
