import type { Usage } from "../types";

/**
 * How long an answer took and how fast it came. On a server that buffers whole answers (the upstream),
 * the first token arrives with all the others, so `firstTokenMs` is the whole generation and close to
 * `durationMs`: that is what the user waited, not a streaming latency.
 */
export interface AnswerTiming {
  /** From the send to the first text, in ms; null when no text arrived. */
  firstTokenMs: number | null;
  /** From the send to the end of the answer, in ms. */
  durationMs: number;
  /** Completion tokens the server reported; null when it sent no usage. */
  tokens: number | null;
  /** `tokens` over the whole `durationMs` (waiting included, so a buffered burst is not counted as speed); null without tokens. */
  tokensPerSecond: number | null;
}

/** The timing of an answer that started at `startedAt` and saw its first text at `firstTextAt`. */
export function answerTiming(startedAt: number, firstTextAt: number | null, usage: Usage | null, now = Date.now()): AnswerTiming {
  const durationMs = Math.max(0, now - startedAt);
  const tokens = usage?.completion_tokens ?? null;
  const tokensPerSecond = tokens !== null && durationMs > 0 ? Math.round((tokens / durationMs) * 10_000) / 10 : null;
  return { firstTokenMs: firstTextAt === null ? null : firstTextAt - startedAt, durationMs, tokens, tokensPerSecond };
}
