import type { SaaSLLMError } from "../SaaSLLMError";
import { ACCOUNT_STATES, accountStateOf } from "./accountStates";
import { ERROR_COPY, VARIANT_COPY, type ErrorCopy } from "./errorCopy";
import type { ErrorAction, ErrorState, ErrorStateName } from "./errorStateTypes";

/**
 * Maps every error kind to the UI state a screen should show. Total: a new kind in `SaaSLLMErrorKind`
 * is a compile error here until it is given a state.
 *
 * `aborted` maps to the `aborted` state, which the built-in components render as nothing: a request the
 * user (or an unmount) cancelled is not an error. Use {@link errorStateOf} to get `null` for it instead.
 *
 * @example
 * try { await client.llmCall(jobId, input); }
 * catch (e) {
 *   if (isSaaSLLMError(e)) {
 *     const { title, message, action } = toErrorState(e);
 *     if (action === "add-credits") openBilling();
 *   }
 * }
 */
export function toErrorState(error: SaaSLLMError): ErrorState {
  const state = (name: ErrorStateName, action: ErrorAction, copy: ErrorCopy = ERROR_COPY[name], listFields = true) => buildState(error, name, action, copy, listFields);
  // A wait the server asked for turns "retry" into "retry-after" so the UI can count down.
  const retry: ErrorAction = (error.retryAfterMs ?? 0) > 0 ? "retry-after" : "retry";

  switch (error.kind) {
    case "unauthorized":
    case "insufficient_credits":
    case "team_suspended":
    case "team_paused":
      return state(...ACCOUNT_STATES[error.kind]);
    case "model_access_denied":
      return state("no-model-access", "choose-model");
    case "rate_limited":
      return state("rate-limited", retry);
    case "server":
    case "unavailable":
      // `permanent` means the detail proved no retry can help (e.g. no provider credentials configured).
      return error.permanent ? state("service-unavailable", "contact-admin", VARIANT_COPY.misconfigured) : state("service-unavailable", retry);
    case "circuit_open":
      return state("service-unavailable", retry, VARIANT_COPY.circuitOpen);
    case "network":
      return state("network", "retry");
    case "timeout":
      return state("network", "retry", VARIANT_COPY.timeout);
    case "stream_interrupted":
      return state("interrupted", "retry");
    case "stream_error":
      return state("interrupted", error.retryable ? retry : "none", VARIANT_COPY.streamError);
    case "bad_request":
      return state("invalid-request", "none");
    case "validation":
      // Only the messages (body.messages...) come from the end user; any other field is a setting of the app, which they cannot fix.
      return error.fieldErrors?.some((f) => f.loc[0] === "body" && f.loc[1] === "messages") ? state("invalid-request", "none", VARIANT_COPY.validation) : state("invalid-request", "none", VARIANT_COPY.appValidation, false);
    case "bad_response":
      return state("invalid-request", "none", VARIANT_COPY.badResponse);
    case "not_found":
      return state("not-found", "none");
    case "forbidden":
      // "API key does not belong to team 'x'": the client's teamId is wrong, which "Access denied" hides.
      return /does not belong to team/i.test(error.detail) ? state("forbidden", "contact-admin", VARIANT_COPY.wrongTeam) : state("forbidden", "contact-admin");
    case "aborted":
      return state("aborted", "none");
    default: {
      const unreachable: never = error.kind;
      return unreachable;
    }
  }
}

/** One UI state for an error: its copy, its action, and what the error adds (a wait, field errors, partial text). */
function buildState(error: SaaSLLMError, name: ErrorStateName, action: ErrorAction, copy: ErrorCopy, listFields: boolean): ErrorState {
  return {
    state: name,
    title: copy.title,
    message: copy.message,
    action,
    accountWide: accountStateOf(name) !== undefined,
    retryable: error.retryable,
    error,
    ...(error.retryAfterMs !== undefined && (action === "retry-after" || name === "rate-limited") ? { retryAfterMs: error.retryAfterMs } : {}),
    ...(listFields && error.fieldErrors?.length ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.partialText ? { partialText: error.partialText } : {}),
  };
}
