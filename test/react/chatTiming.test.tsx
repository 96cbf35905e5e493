// @vitest-environment jsdom
import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useChatStream, type ChatStreamFinishInfo } from "../../src/index";
import { direct } from "../integration/fidelity/kit";
import { renderWithClient } from "./render";

function Chat({ finishes }: { finishes: ChatStreamFinishInfo[] }) {
  const chat = useChatStream({ model: "chat-fast", onFinish: (i) => finishes.push(i) });
  const t = chat.timing;
  return (
    <div>
      <button onClick={() => chat.send("Hello")}>Send</button>
      <p data-testid="timing">{t ? `first ${t.firstTokenMs} ms, total ${t.durationMs} ms, ${t.tokens} tokens, ${t.tokensPerSecond}/s` : "none"}</p>
    </div>
  );
}

async function answer(preset: "upstream" | "live") {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  const { sim, client } = direct({ preset, replyText: "one two three four five six seven eight nine ten", tokenDelayMs: 100 });
  const finishes: ChatStreamFinishInfo[] = [];
  renderWithClient(<Chat finishes={finishes} />, client);
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  for (let i = 0; i < 500 && finishes.length === 0; i++) await act(() => vi.advanceTimersToNextTimerAsync());
  expect(sim.requestsTo("streamCreateAndCall")).toHaveLength(1);
  return finishes[0]!.timing!;
}

describe("useChatStream: per-answer timing and usage (fake clock)", () => {
  afterEach(() => vi.useRealTimers());

  it("on the buffered upstream, time to first token is the whole generation; no usage is sent, so no tokens are made up", async () => {
    const t = await answer("upstream");
    expect(t).toEqual({ firstTokenMs: 1000, durationMs: 1000, tokens: null, tokensPerSecond: null });
    expect(screen.getByTestId("timing").textContent).toBe("first 1000 ms, total 1000 ms, null tokens, null/s");
  });

  it("token by token, the first token comes well before the end", async () => {
    const t = await answer("live");
    expect(t.firstTokenMs).not.toBeNull();
    expect(t.durationMs - t.firstTokenMs!).toBeGreaterThanOrEqual(500);
    expect(t.tokens).toBeNull();
  });
});
