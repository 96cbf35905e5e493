import { isSaaSLLMError } from "../SaaSLLMError";

/** The longest `error_message` the client sends when it closes a job as failed (the rest is cut). */
export const MAX_CLOSE_REASON = 1000;

/** The reason written on a job the client closes as failed, from what ended its call. One wording, one limit. */
export function closeReasonOf(error: unknown): string {
  if (!isSaaSLLMError(error)) return "Stream abandoned by the client";
  return error.kind === "aborted" ? "Stopped by the client" : `${error.kind}: ${error.message}`;
}

/** `reason`, cut to {@link MAX_CLOSE_REASON} characters. */
export const limitReason = (reason: string): string => reason.slice(0, MAX_CLOSE_REASON);
