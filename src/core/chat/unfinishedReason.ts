import { isSaaSLLMError, type SaaSLLMError } from "../SaaSLLMError";

/**
 * Why an answer is unfinished. `stopped`: the user (or a newer send, reset, unmount) stopped it. `length` and
 * `content_filter`: the model ended it (`finish_reason`). `network`: the connection failed or was cut.
 * `stalled`: no data for the idle limit. `server_error`: the server or provider failed. `rate_limited`: the
 * provider or the API said slow down. `refused`: the request was turned down (key, credits, model, input).
 * `unknown_outcome`: no answer arrived (the request timed out, or the page was reloaded mid-answer); the server may
 * still have finished (and charged) it.
 * `offline`: never sent: the device stayed offline longer than the offline window.
 */
export type UnfinishedReason = "stopped" | "length" | "content_filter" | "network" | "stalled" | "server_error" | "rate_limited" | "refused" | "unknown_outcome" | "offline";

const BY_KIND: Partial<Record<SaaSLLMError["kind"], UnfinishedReason>> = {
  aborted: "stopped",
  network: "network",
  stream_interrupted: "network",
  timeout: "unknown_outcome",
  rate_limited: "rate_limited",
  server: "server_error",
  unavailable: "server_error",
  stream_error: "server_error",
  bad_response: "server_error",
  circuit_open: "server_error",
};

/** The reason of a failed answer, from its error kind (an idle timeout inside an interruption is `stalled`). */
export function reasonOfError(error: SaaSLLMError): UnfinishedReason {
  if (error.kind === "stream_interrupted" && isSaaSLLMError(error.cause) && error.cause.kind === "timeout") return "stalled";
  return BY_KIND[error.kind] ?? "refused";
}

/** The reason of an answer the model ended early, from `finish_reason`; null for a complete answer. */
export function reasonOfFinish(finishReason: string | null): UnfinishedReason | null {
  if (finishReason === "length" || finishReason === "max_tokens") return "length";
  if (finishReason === "content_filter" || finishReason === "safety") return "content_filter";
  return null;
}

/** What `reasonOfOutcome` reads of an ended answer (the reducer's `ChatOutcome` is one). */
export type EndedAnswer = { kind: "done"; finishReason: string | null } | { kind: "failed"; error: SaaSLLMError; reason?: UnfinishedReason };

/** The reason of an ended answer: the model's `finish_reason` when it is done, else the failure's own or its error's. */
export const reasonOfOutcome = (outcome: EndedAnswer): UnfinishedReason | null =>
  outcome.kind === "done" ? reasonOfFinish(outcome.finishReason) : (outcome.reason ?? reasonOfError(outcome.error));
