import type { DelaySource, NoRetryReason } from "./clientEvents";
import type { SaaSLLMError } from "./SaaSLLMError";

/** Where the wait before a retry comes from (same precedence as the transport: the app's delay, Retry-After, backoff). */
export function delaySourceOf(error: SaaSLLMError, customDelay: boolean): DelaySource {
  if (customDelay) return "custom";
  return error.retryAfterMs !== undefined ? "retry-after" : "backoff";
}

/** Why a failed attempt is not retried. `keptText`: a stream already showed text, which a retry would replay. */
export function noRetryReason(error: SaaSLLMError, { keptText, failures, maxRetries }: { keptText: boolean; failures: number; maxRetries: number }): NoRetryReason {
  if (error.kind === "aborted") return "aborted";
  if (keptText) return "partial-text";
  if (!error.retryable) return "not-retryable";
  return maxRetries === 0 ? "retries-off" : failures >= maxRetries ? "retries-exhausted" : "not-retryable";
}
