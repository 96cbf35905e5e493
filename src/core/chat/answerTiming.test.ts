import { describe, expect, it, vi } from "vitest";
import { answerTiming } from "./answerTiming";

vi.mock("react", () => ({}));

describe("answerTiming", () => {
  it("tokens per second count the whole answer, waiting included", () => {
    expect(answerTiming(1000, 1200, { completion_tokens: 30 }, 3000)).toEqual({ firstTokenMs: 200, durationMs: 2000, tokens: 30, tokensPerSecond: 15 });
  });

  it("without usage there are no tokens and no speed; without text no first token", () => {
    expect(answerTiming(0, null, null, 500)).toEqual({ firstTokenMs: null, durationMs: 500, tokens: null, tokensPerSecond: null });
  });
});
