import { SaaSLLMError, type SaaSLLMErrorInit, type SaaSLLMErrorKind } from "./SaaSLLMError";
import { classify5xx, isTransientProviderText } from "./classifyStatus";
import { messageFor } from "./errorMessages";
import { redactSecrets } from "./redact";
import { isRecord, str } from "./streamShapes";

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
  if (!isRecord(error)) return undefined;
  const type = str(error.type) ?? str(error.status);
  return { message: str(error.message) ?? type ?? JSON.stringify(error), type, code: error.code };
}

/**
 * A `stream_error` for an error event. The message is generic: the detail can carry provider URLs
 * with `?key=`, so it only goes to `detail`, redacted. `status` is the one nested as `NNN: ` in the text
 * (or a numeric HTTP-like `code`); `permanent` follows the same rules as a 500 detail (§5.2, §6.4).
 */
export function streamError(error: unknown, partialText: string, ctx: StreamErrorContext): SaaSLLMError {
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
  const why = kind === "rate_limited" ? "the provider is rate limiting" : notRetryable ? "retrying will not help" : "";
  return streamFailure("stream_error", partialText, ctx, why, { status, detail, permanent: notRetryable });
}

/** What a stream failure carries besides its kind, message and partial text. */
export type StreamFailureInit = Pick<SaaSLLMErrorInit, "status" | "detail" | "permanent" | "cause">;

/**
 * A failed stream's error: the kind's message (with the endpoint, and `status` as `[HTTP n]`), then `: reason`
 * when there is one. `stream_interrupted` when the body ended, failed or went idle before the shape's end
 * marker; `aborted` when the caller's signal fired; `bad_response` when a line grew past `maxLineBytes`.
 */
export function streamFailure(
  kind: SaaSLLMErrorKind,
  partialText: string,
  ctx: StreamErrorContext,
  reason = "",
  init?: StreamFailureInit,
): SaaSLLMError {
  const message = messageFor(kind, init?.status, "", ctx.endpoint) + (reason && `: ${reason}`);
  return new SaaSLLMError({ ...init, kind, message, partialText, endpoint: ctx.endpoint, requestId: ctx.requestId });
}
