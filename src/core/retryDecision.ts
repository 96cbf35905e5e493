import type { DelaySource, NoRetryReason } from "./clientEvents";
import { shouldRetry } from "./retry";
import type { SaaSLLMError } from "./SaaSLLMError";

/** Where the wait before a retry comes from (same precedence as the transport: the app's delay, Retry-After, backoff). */
export function delaySourceOf(error: SaaSLLMError, customDelay: boolean): DelaySource {
  if (customDelay) return "custom";
  return error.retryAfterMs !== undefined ? "retry-after" : "backoff";
}

/**
 * Whether a failed attempt ends the call, and why (null: retry it). The policy (`shouldRetry`) decides for
 * retryable kinds; a stream that showed text is never replayed, an attempt the budget cannot afford is not
 * made, and an attempt whose outcome is unknown (`unsafe`: it may still be running, and charged) is not repeated.
 */
export function retryStop(error: SaaSLLMError, { keptText, overBudget, unsafe, failures, maxRetries }: { keptText: boolean; overBudget: boolean; unsafe: boolean; failures: number; maxRetries: number }): NoRetryReason | null {
  if (unsafe) return "unknown-outcome";
  if (keptText || overBudget || !shouldRetry(failures, error, { maxRetries })) return noRetryReason(error, { keptText, overBudget, failures, maxRetries });
  return null;
}

/**
 * Why a failed attempt is not retried. `keptText`: a stream already showed text, which a retry would replay;
 * `overBudget`: another attempt could exceed the client's budget of upstream (provider) calls.
 */
function noRetryReason(error: SaaSLLMError, { keptText, overBudget = false, failures, maxRetries }: { keptText: boolean; overBudget?: boolean; failures: number; maxRetries: number }): NoRetryReason {
  if (error.kind === "aborted") return "aborted";
  if (keptText) return "partial-text";
  if (!error.retryable) return "not-retryable";
  if (overBudget) return "upstream-budget";
  return maxRetries === 0 ? "retries-off" : failures >= maxRetries ? "retries-exhausted" : "not-retryable";
}
