import { SaaSLLMError } from "./SaaSLLMError";
import { classifyStatus } from "./classifyStatus";
import { messageFor } from "./errorMessages";
import { parseFieldErrors } from "./fieldErrors";
import { readBodyPrefix } from "./readBodyPrefix";
import { redactSecrets } from "./redact";
import { parseRetryAfter, parseRetryAfterText } from "./retryAfter";

export interface ClassifyOptions {
  /** Endpoint name for messages and events, e.g. `llmCall`. */
  endpoint?: string;
  requestId?: string;
  /** Exact strings to redact wherever they appear (the virtual key in use). */
  secrets?: ReadonlyArray<string | undefined>;
}

/**
 * Turns a non-2xx response into a SaaSLLMError. Reads a bounded prefix of the body, accepts JSON,
 * plain text, HTML or nothing, and never throws.
 *
 * @example
 * if (!response.ok) throw await classifyResponse(response, { endpoint: "createJob" });
 */
export async function classifyResponse(response: Response, options: ClassifyOptions = {}): Promise<SaaSLLMError> {
  const raw = await readBodyPrefix(response);
  const { detail, detailList } = extractDetail(raw, response.headers.get("content-type") ?? "");
  return errorFromStatus(response.status, detail, {
    ...options,
    requestId: options.requestId ?? response.headers.get("x-request-id") ?? undefined,
    retryAfterMs: parseRetryAfter(response.headers),
    detailList,
  });
}

interface StatusErrorOptions extends ClassifyOptions {
  retryAfterMs?: number;
  detailList?: unknown;
}

/** Builds the error for a status and detail text (also used for statuses nested in stream errors). */
export function errorFromStatus(status: number, rawDetail: string, options: StatusErrorOptions = {}): SaaSLLMError {
  const detail = redactSecrets(rawDetail, options.secrets);
  const { kind, permanent } = classifyStatus(status, detail);
  const fieldErrors = kind === "validation" ? parseFieldErrors(options.detailList) : undefined;
  const waits = kind === "rate_limited" || kind === "unavailable";
  const retryAfterMs = waits ? (options.retryAfterMs ?? parseRetryAfterText(detail)) : undefined;
  const message = messageFor(kind, status, fieldErrors?.length ? summarizeFields(detail, fieldErrors) : detail, options.endpoint);
  return new SaaSLLMError({
    kind,
    status,
    detail,
    permanent,
    fieldErrors,
    retryAfterMs,
    endpoint: options.endpoint,
    requestId: options.requestId,
    message: kind === "rate_limited" && status >= 500 ? `${message}: the provider is rate limiting${waitText(retryAfterMs)}` : message,
  });
}

const waitText = (ms: number | undefined): string => (ms === undefined ? "" : `; try again in ${Math.ceil(ms / 1000)} s`);

function summarizeFields(detail: string, fields: Array<{ path: string; message: string }>): string {
  return fields.length ? fields.map((f) => `${f.path}: ${f.message}`).join("; ") : detail;
}

/** Finds the detail in a body: `{"detail": "..."}`, `{"detail": [...]}`, `{"error": ...}`, or plain text. */
function extractDetail(raw: string, contentType: string): { detail: string; detailList?: unknown } {
  const text = raw.trim();
  if (text === "") return { detail: "" };
  if (text.startsWith("{") || text.startsWith("[") || contentType.includes("json")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        const record = parsed as Record<string, unknown>;
        const value = record.detail ?? record.error ?? record.message;
        if (typeof value === "string") return { detail: value };
        if (Array.isArray(value)) return { detail: JSON.stringify(value).slice(0, 2000), detailList: value };
        if (typeof value === "object" && value !== null) {
          const message = (value as Record<string, unknown>).message;
          return { detail: typeof message === "string" ? message : JSON.stringify(value).slice(0, 2000) };
        }
      }
    } catch {
      // Truncated or invalid JSON falls through to text.
    }
  }
  if (/^<(!doctype|html|\?xml)/i.test(text) || contentType.includes("html")) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return { detail: title ? `HTML error page: ${title}` : "HTML error page" };
  }
  return { detail: text.length > 2000 ? `${text.slice(0, 2000)}…` : text };
}
