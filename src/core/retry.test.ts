import { describe, expect, it } from "vitest";
import { retryDelay, SERVER_PROVIDER_TRIES, serverRetried, shouldRetry, upstreamCallsOf } from "./retry";
import { parseRetryAfter, parseRetryAfterText } from "./retryAfter";
import { SaaSLLMError, type SaaSLLMErrorKind } from "./SaaSLLMError";

const err = (kind: SaaSLLMErrorKind, extra: Partial<ConstructorParameters<typeof SaaSLLMError>[0]> = {}) =>
  new SaaSLLMError({ kind, message: kind, ...extra });

describe("shouldRetry", () => {
  it.each(["bad_request", "unauthorized", "team_suspended", "team_paused", "insufficient_credits", "model_access_denied", "forbidden", "not_found", "validation", "aborted", "bad_response", "circuit_open"] as const)(
    "never retries %s",
    (kind) => expect(shouldRetry(0, err(kind))).toBe(false),
  );
  it.each(["rate_limited", "server", "unavailable", "network", "timeout", "stream_interrupted", "stream_error"] as const)(
    "retries %s up to maxRetries",
    (kind) => {
      expect([0, 1, 2, 3].map((n) => shouldRetry(n, err(kind)))).toEqual([true, true, true, false]);
      expect(shouldRetry(1, err(kind), { maxRetries: 1 })).toBe(false);
    },
  );
  it("never retries unknown errors or permanent server errors", () => {
    expect(shouldRetry(0, new Error("boom"))).toBe(false);
    expect(shouldRetry(0, "string")).toBe(false);
    expect(shouldRetry(0, err("server", { permanent: true }))).toBe(false);
  });
});

describe("retryDelay", () => {
  it("follows the seed's table without jitter: 1 s, 2 s, 4 s, 8 s ... capped at 32 s", () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => retryDelay(n, err("server"), mid))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 32000, 32000]);
  });
  it("applies ±25% jitter", () => {
    expect(retryDelay(1, err("server"), () => 0)).toBe(1500);
    expect(retryDelay(1, err("server"), () => 0.999999)).toBe(2500);
    // a seeded sequence stays inside the band
    let seed = 42;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let n = 0; n < 6; n++) {
      const base = Math.min(1000 * 2 ** n, 32000);
      const d = retryDelay(n, err("network"), rnd);
      expect(d).toBeGreaterThanOrEqual(base * 0.75);
      expect(d).toBeLessThanOrEqual(base * 1.25);
    }
  });
  it("Retry-After wins and is capped at 60 s", () => {
    expect(retryDelay(0, err("rate_limited", { retryAfterMs: 7000 }))).toBe(7000);
    expect(retryDelay(3, err("rate_limited", { retryAfterMs: 0 }))).toBe(0);
    expect(retryDelay(0, err("rate_limited", { retryAfterMs: 600_000 }))).toBe(60_000);
  });
});

describe("parseRetryAfter", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  const now = Date.parse("2026-11-25T10:00:00Z");
  it.each([
    [{ "retry-after-ms": "250" }, 250],
    [{ "retry-after-ms": "250", "retry-after": "9" }, 250],
    [{ "retry-after": "3" }, 3000],
    [{ "retry-after": "1.5" }, 1500],
    [{ "retry-after": "Wed, 25 Nov 2026 10:00:05 GMT" }, 5000],
    [{ "retry-after": "Wed, 25 Nov 2026 09:00:00 GMT" }, 0],
    [{ "retry-after": "Wed, 25 Nov 2026 12:00:00 GMT" }, 60_000],
    [{ "retry-after": "86400" }, 60_000],
    [{ "retry-after": "-5" }, undefined],
    [{ "retry-after": "soon" }, undefined],
    [{ "retry-after": "" }, undefined],
    [{ "retry-after-ms": "abc", "retry-after": "2" }, 2000],
    [{}, undefined],
  ])("%j -> %s", (headers, expected) => expect(parseRetryAfter(h(headers), now)).toBe(expected));
});

describe("no retry amplification", () => {
  const providerRetried = (detail: string) => err("rate_limited", { status: 500, detail });
  it("a 500 `LLM call failed` the server already retried gets one more attempt at most", () => {
    const e = providerRetried("LLM call failed: 500: Failed to call provider API: OpenAI rate limit: Error code: 429 - {}");
    expect(serverRetried(e)).toBe(true);
    expect([0, 1, 2].map((n) => shouldRetry(n, e))).toEqual([true, false, false]);
    expect(upstreamCallsOf(e)).toBe(SERVER_PROVIDER_TRIES);
  });
  it("a timed-out llm-call or create-and-call counts as the server's provider tries (it may still be retrying)", () => {
    expect(upstreamCallsOf(err("timeout", { endpoint: "llmCall" }))).toBe(SERVER_PROVIDER_TRIES);
    expect(upstreamCallsOf(err("timeout", { endpoint: "createAndCall" }))).toBe(SERVER_PROVIDER_TRIES);
    expect(upstreamCallsOf(err("timeout", { endpoint: "getJob" }))).toBe(1);
  });
  it("other retryable failures count as one upstream call and keep the full policy", () => {
    for (const e of [err("server", { status: 500, detail: "Internal Server Error" }), err("network"), err("stream_error", { detail: "LLM call failed: x" })]) {
      expect(serverRetried(e)).toBe(false);
      expect(upstreamCallsOf(e)).toBe(1);
    }
    expect(serverRetried(err("server", { status: 500, detail: "LLM call failed: 500: No provider credentials configured", permanent: true }))).toBe(false);
  });
});

describe("parseRetryAfterText", () => {
  it.each([
    ["Rate limit reached. Please try again in 7s.", 7000],
    ["Please try again in 350ms.", 350],
    ["try again in 1.5 seconds", 1500],
    ["Retry after 20 seconds", 20_000],
    ["try again in 600s", 60_000],
    ["no wait here", undefined],
  ] as const)("%s → %s", (text, ms) => expect(parseRetryAfterText(text)).toBe(ms));
});
