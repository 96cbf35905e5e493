import type { DelaySource, NoRetryReason } from "./clientEvents";
import { isSaaSLLMError, type SaaSLLMError } from "./SaaSLLMError";
import { MAX_RETRY_AFTER_MS } from "./retryAfter";

export interface RetryPolicyOptions {
  /** Retries after the first attempt. @default 3 */
  maxRetries?: number;
}

/** The client's retry settings, as `decideRetry` reads them. */
export interface RetrySettings extends RetryPolicyOptions {
  /** Budget of provider calls one logical call may cause, counted with `upstreamCallsOf`. @default 20 */
  maxUpstreamCalls?: number;
  /** Replaces the backoff and Retry-After: custom schedules, fast tests. */
  delay?: (attempt: number, error: SaaSLLMError) => number;
  /** @default Math.random */
  random?: () => number;
}

/** What a call knows when one of its attempts failed. */
export interface RetryFacts {
  /** Failed attempts before this one. */
  failures: number;
  /** Provider calls the call's failed attempts caused, this one included. @default upstreamCallsOf(error) */
  upstreamCalls?: number;
  /** A stream already showed text, which another attempt would replay. */
  keptText?: boolean;
}

/** Retry (after `delayMs`), or stop (and why). */
export type RetryVerdict = { retry: true; delayMs: number; delaySource: DelaySource } | { retry: false; reason: NoRetryReason };

/**
 * Provider requests behind one E3/E5 answer `LLM call failed: …` for a transient cause: the server already
 * tried 3 service attempts of 3 SDK tries each (measured: 9 provider requests, about 7.5 s for a provider 429).
 */
export const SERVER_PROVIDER_TRIES = 9;
/** Default budget of provider calls one logical call may cause: room for one retry of a server-retried failure. @default 20 */
export const DEFAULT_MAX_UPSTREAM_CALLS = 20;

/** True when the error is a 500 whose detail shows the server already retried the provider (a provider 429 on llm-call). */
export function serverRetried(error: unknown): boolean {
  return isSaaSLLMError(error) && error.status === 500 && error.retryable && /^LLM call failed: /.test(error.detail);
}

/**
 * A create-and-call (plain or streamed) that timed out: its request was sent, and the server, which buffers
 * whole answers, may still finish and charge it. Another attempt would be a second job and a second charge.
 */
export function unknownOutcome(error: unknown): boolean {
  return isSaaSLLMError(error) && error.kind === "timeout" && (error.endpoint === "createAndCall" || error.endpoint === "streamCreateAndCall");
}

/**
 * Provider calls one failed attempt is taken to have caused: {@link SERVER_PROVIDER_TRIES} when the server retried,
 * or when an llm-call or create-and-call timed out (the server may still be retrying the provider), else 1.
 */
export function upstreamCallsOf(error: unknown): number {
  const retrying = isSaaSLLMError(error) && error.kind === "timeout" && (error.endpoint === "llmCall" || error.endpoint === "createAndCall");
  return serverRetried(error) || retrying ? SERVER_PROVIDER_TRIES : 1;
}

/** First backoff step and its cap, from the API's own guide: 1 s, 2 s, 4 s ... 32 s. */
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 32_000;
/** ±25% */
export const JITTER = 0.25;

const stop = (reason: NoRetryReason): RetryVerdict => ({ retry: false, reason });

/**
 * The one retry decision of the package: every retry of every request (the transport's loop, the hooks on
 * react-query's retryer, your own queries through `shouldRetry`) is decided here. Never retried: unknown
 * errors, aborts, 400/401/403/404/422, an attempt whose outcome is unknown (`unknownOutcome`), a stream that
 * showed text, an attempt the upstream budget cannot afford, a second try of a failure the server already
 * retried; then at most `maxRetries`, each after Retry-After (capped at 60 s) or capped, jittered backoff.
 */
export function decideRetry(error: unknown, { failures, upstreamCalls = upstreamCallsOf(error), keptText = false }: RetryFacts, settings: RetrySettings = {}): RetryVerdict {
  const { maxRetries = 3, maxUpstreamCalls = DEFAULT_MAX_UPSTREAM_CALLS, delay, random = Math.random } = settings;
  if (!isSaaSLLMError(error)) return stop("not-retryable");
  if (error.kind === "aborted") return stop("aborted");
  if (unknownOutcome(error)) return stop("unknown-outcome");
  if (keptText) return stop("partial-text");
  if (!error.retryable) return stop("not-retryable");
  if (maxRetries === 0) return stop("retries-off");
  if (upstreamCalls + upstreamCallsOf(error) > maxUpstreamCalls) return stop("upstream-budget");
  if (failures >= maxRetries) return stop("retries-exhausted");
  if (serverRetried(error) && failures >= 1) return stop("retries-exhausted");
  if (delay) return { retry: true, delayMs: delay(failures, error), delaySource: "custom" };
  return { retry: true, delayMs: retryDelay(failures, error, random), delaySource: error.retryAfterMs !== undefined ? "retry-after" : "backoff" };
}

/**
 * Whether to try again after `failureCount` failures, by `decideRetry`. Plugs into react-query's `retry`.
 *
 * @example useQuery({ queryKey, queryFn, retry: shouldRetry, retryDelay })
 */
export function shouldRetry(failureCount: number, error: unknown, { maxRetries = 3 }: RetryPolicyOptions = {}): boolean {
  return decideRetry(error, { failures: failureCount }, { maxRetries }).retry;
}

/**
 * Wait before retry number `attempt` (0 for the first retry): the server's Retry-After when it sent one
 * (capped at 60 s), otherwise capped exponential backoff with ±25% jitter. Plugs into react-query's `retryDelay`.
 *
 * @param random - a source in [0, 1), injectable for tests. @default Math.random
 */
export function retryDelay(attempt: number, error?: unknown, random: () => number = Math.random): number {
  if (isSaaSLLMError(error) && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  const base = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempt), MAX_DELAY_MS);
  const jitter = base * JITTER * (2 * random() - 1);
  return Math.round(base + jitter);
}
