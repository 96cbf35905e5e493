import { SaaSLLMError } from "./SaaSLLMError";
import { classify5xx, isTransientProviderText } from "./classifyStatus";
import { messageFor } from "./errorMessages";
import { timeoutError } from "./errorFactories";
import { redactSecrets } from "./redact";

/** Where a stream came from, and what to redact from what it says. */
export interface StreamErrorContext {
  endpoint?: string;
  requestId?: string;
  secrets?: ReadonlyArray<string | undefined>;
}

const NESTED_STATUS = /^(\d{3}): /;
// "OpenAI error: …" and friends are retried only when the text shows a temporary cause (§5.2).
const PROVIDER_ERROR = /\b(?:OpenAI|Anthropic|Gemini|Fireworks) error: /;

/**
 * The text of a server or provider error event, or `undefined` when `error` is not one.
 * Accepts the upstream string (`{"error": "500: …"}`) and the object form
 * (`{"error": {"message", "type", "code"}}`, which Anthropic's own `type: "error"` event also uses).
 */
export function readStreamErrorField(error: unknown): { message: string; type?: string; code?: unknown } | undefined {
  if (typeof error === "string") return { message: error };
  if (typeof error !== "object" || error === null || Array.isArray(error)) return undefined;
  const record = error as Record<string, unknown>;
  const type = typeof record.type === "string" ? record.type : typeof record.status === "string" ? record.status : undefined;
  const message = typeof record.message === "string" ? record.message : (type ?? JSON.stringify(error));
  return { message, type, code: record.code };
}

/**
 * A `stream_error` for an error event. The message is generic: the detail can carry provider URLs
 * with `?key=`, so it only goes to `detail`, redacted. `status` is the one nested as `NNN: ` in the text
 * (or a numeric HTTP-like `code`); `permanent` follows the same rules as a 500 detail (§5.2, §6.4).
 */
export function streamError(error: unknown, partialText: string, ctx: StreamErrorContext = {}): SaaSLLMError {
  const field = readStreamErrorField(error) ?? { message: String(error) };
  const nested = NESTED_STATUS.exec(field.message);
  const code = typeof field.code === "number" && field.code >= 400 && field.code < 600 ? field.code : undefined;
  const status = nested ? Number(nested[1]) : code;
  const raw = field.type && field.type !== field.message ? `${field.message} (${field.type})` : field.message;
  const detail = redactSecrets(raw, ctx.secrets);
  const { kind, permanent } = classify5xx(detail);
  // Without the `500: ` prefix, which isTransientProviderText would read as a transient 5xx.
  const reason = nested ? detail.slice(nested[0].length) : detail;
  const notRetryable = permanent || (PROVIDER_ERROR.test(reason) && !isTransientProviderText(reason));
  const why = kind === "rate_limited" ? ": the provider is rate limiting" : notRetryable ? ": retrying will not help" : "";
  return new SaaSLLMError({
    kind: "stream_error",
    message: `${messageFor("stream_error", status, "", ctx.endpoint)}${why}`,
    status,
    detail,
    permanent: notRetryable,
    partialText,
    endpoint: ctx.endpoint,
    requestId: ctx.requestId,
  });
}

/** The body ended, failed or went idle before the shape's end marker. */
export function interruptedError(
  partialText: string,
  reason: string,
  ctx: StreamErrorContext = {},
  cause?: unknown,
): SaaSLLMError {
  return new SaaSLLMError({
    kind: "stream_interrupted",
    message: `${messageFor("stream_interrupted", undefined, "", ctx.endpoint)}: ${reason}`,
    partialText,
    cause,
    endpoint: ctx.endpoint,
    requestId: ctx.requestId,
  });
}

/** No body chunk for `idleTimeoutMs`: interrupted, with a `timeout` error as the cause. */
export function idleTimeoutError(partialText: string, idleTimeoutMs: number, ctx: StreamErrorContext = {}): SaaSLLMError {
  const cause = timeoutError(idleTimeoutMs, { endpoint: ctx.endpoint, requestId: ctx.requestId, phase: "idle" });
  return interruptedError(partialText, `no data for ${idleTimeoutMs} ms`, ctx, cause);
}

/** The caller's signal fired. */
export function streamAbortedError(partialText: string, ctx: StreamErrorContext = {}, cause?: unknown): SaaSLLMError {
  return new SaaSLLMError({
    kind: "aborted",
    message: messageFor("aborted", undefined, "", ctx.endpoint),
    partialText,
    cause,
    endpoint: ctx.endpoint,
    requestId: ctx.requestId,
  });
}

/** One SSE line grew past `maxLineBytes`: the stream is not what the contract describes. */
export function lineTooLongError(maxLineBytes: number, partialText: string, ctx: StreamErrorContext = {}): SaaSLLMError {
  const reason = `an event-stream line is longer than ${maxLineBytes} bytes`;
  return new SaaSLLMError({
    kind: "bad_response",
    message: `${messageFor("bad_response", undefined, "", ctx.endpoint)}: ${reason}`,
    detail: reason,
    partialText,
    endpoint: ctx.endpoint,
    requestId: ctx.requestId,
  });
}
