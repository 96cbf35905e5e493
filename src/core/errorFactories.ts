import { SaaSLLMError } from "./SaaSLLMError";
import { messageFor } from "./errorMessages";

interface Where {
  endpoint?: string;
  requestId?: string;
}

/** fetch rejected before any response arrived (DNS, refused, reset, CORS). */
export function networkError(cause: unknown, where: Where = {}): SaaSLLMError {
  return new SaaSLLMError({ kind: "network", message: messageFor("network", undefined, "", where.endpoint), cause, ...where });
}

/** Our own deadline fired. */
export function timeoutError(timeoutMs: number, where: Where & { phase?: "request" | "idle" } = {}): SaaSLLMError {
  const what = where.phase === "idle" ? "no data for" : "no answer within";
  return new SaaSLLMError({
    kind: "timeout",
    message: `${messageFor("timeout", undefined, "", where.endpoint)}: ${what} ${timeoutMs} ms`,
    endpoint: where.endpoint,
    requestId: where.requestId,
  });
}

/** The caller aborted. Never shown as an error state. */
export function abortError(where: Where = {}, cause?: unknown): SaaSLLMError {
  return new SaaSLLMError({ kind: "aborted", message: messageFor("aborted", undefined, "", where.endpoint), cause, ...where });
}

/** A 2xx body that does not match the contract. */
export function badResponseError(reason: string, where: Where & { status?: number } = {}): SaaSLLMError {
  return new SaaSLLMError({
    kind: "bad_response",
    message: `${messageFor("bad_response", undefined, "", where.endpoint)}: ${reason}`,
    detail: reason,
    ...where,
  });
}
