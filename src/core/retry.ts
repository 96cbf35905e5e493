import { isSaaSLLMError } from "./SaaSLLMError";
import { MAX_RETRY_AFTER_MS } from "./retryAfter";

export interface RetryPolicyOptions {
  /** Retries after the first attempt. @default 3 */
  maxRetries?: number;
}

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

/**
 * Whether to try again after `failureCount` failures. Only retryable SaaSLLMErrors qualify:
 * 400/401/403/404/422 and unknown errors never do. A failure the server already retried against the provider
 * gets at most one more attempt, so the client does not multiply the server's retries. Plugs into react-query's `retry`.
 *
 * @example useQuery({ queryKey, queryFn, retry: shouldRetry, retryDelay })
 */
export function shouldRetry(failureCount: number, error: unknown, { maxRetries = 3 }: RetryPolicyOptions = {}): boolean {
  if (serverRetried(error) && failureCount >= 1) return false;
  return failureCount < maxRetries && isSaaSLLMError(error) && error.retryable;
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
