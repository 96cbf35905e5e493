/** Longest wait we accept from a server; anything later is capped. */
export const MAX_RETRY_AFTER_MS = 60_000;

interface HeaderSource {
  get(name: string): string | null;
}

/**
 * Reads `retry-after-ms`, then `Retry-After` as seconds, then as an HTTP date.
 * Negative or unparseable values are ignored; far-future values are capped at 60 s.
 *
 * @example parseRetryAfter(response.headers) // 2000 for "Retry-After: 2"
 */
export function parseRetryAfter(headers: HeaderSource, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return cap(Number(ms));
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return cap(Number(trimmed) * 1000);
  if (/^-/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  const delta = date - now;
  return delta < 0 ? 0 : cap(delta);
}

function cap(ms: number): number | undefined {
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(Math.round(ms), MAX_RETRY_AFTER_MS);
}

// Provider texts quote their wait ("Please try again in 7s", "try again in 350ms", "retry after 20 seconds").
const WAIT_IN_TEXT = /(?:try again|retry) (?:in|after) (\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|sec|seconds?)\b/i;

/**
 * The wait a provider asked for, quoted in an error text (the upstream wraps provider 429s into 500 details
 * and drops their Retry-After). Capped at 60 s.
 *
 * @example parseRetryAfterText("... Please try again in 7s.") // 7000
 */
export function parseRetryAfterText(text: string): number | undefined {
  const m = WAIT_IN_TEXT.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  return cap(/^m/i.test(m[2] ?? "") ? value : value * 1000);
}
