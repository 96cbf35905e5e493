import type { DelaySource, NoRetryReason } from "./clientEvents";
import type { SaaSLLMError } from "./SaaSLLMError";

/** Where the wait before a retry comes from (same precedence as the transport: the app's delay, Retry-After, backoff). */
export function delaySourceOf(error: SaaSLLMError, customDelay: boolean): DelaySource {
  if (customDelay) return "custom";
  return error.retryAfterMs !== undefined ? "retry-after" : "backoff";
}

/**
 * Why a failed attempt is not retried. `keptText`: a stream already showed text, which a retry would replay;
 * `overBudget`: another attempt could exceed the client's budget of upstream (provider) calls.
 */
export function noRetryReason(error: SaaSLLMError, { keptText, overBudget = false, failures, maxRetries }: { keptText: boolean; overBudget?: boolean; failures: number; maxRetries: number }): NoRetryReason {
  if (error.kind === "aborted") return "aborted";
  if (keptText) return "partial-text";
  if (!error.retryable) return "not-retryable";
  if (overBudget) return "upstream-budget";
  return maxRetries === 0 ? "retries-off" : failures >= maxRetries ? "retries-exhausted" : "not-retryable";
}
