/** Every way a call to the SaaS LiteLLM API can fail, as one discriminant. */
export type SaaSLLMErrorKind =
  | "bad_request"
  | "unauthorized"
  | "team_suspended"
  | "team_paused"
  | "insufficient_credits"
  | "model_access_denied"
  | "forbidden"
  | "not_found"
  | "validation"
  | "rate_limited"
  | "server"
  | "unavailable"
  | "network"
  | "timeout"
  | "aborted"
  | "stream_interrupted"
  | "stream_error"
  | "bad_response"
  | "circuit_open";

/** One field problem from a 422 body (pydantic v1 or v2). */
export interface FieldError {
  /** Dotted location, e.g. `body.messages.0.content`. */
  path: string;
  /** The raw `loc` array. */
  loc: Array<string | number>;
  message: string;
  /** pydantic's type, e.g. `missing`, `value_error.missing`, `json_invalid`. */
  type: string;
}

export interface SaaSLLMErrorInit {
  kind: SaaSLLMErrorKind;
  message: string;
  status?: number;
  /** Server detail, already redacted. */
  detail?: string;
  fieldErrors?: FieldError[];
  retryAfterMs?: number;
  partialText?: string;
  endpoint?: string;
  requestId?: string;
  /** Set when the detail proves retrying cannot help (e.g. a 500 for missing provider credentials). */
  permanent?: boolean;
  cause?: unknown;
}

const RETRYABLE_KINDS: ReadonlySet<SaaSLLMErrorKind> = new Set([
  "rate_limited",
  "server",
  "unavailable",
  "network",
  "timeout",
  "stream_interrupted",
  "stream_error",
]);

// Symbol.for is shared across realms and duplicate copies of this package, unlike instanceof.
const MARKER = Symbol.for("@saas-litellm/react.SaaSLLMError");

// The fields copied between an error, its init and its JSON (in toJSON's order); `permanent` and `cause` are extra.
const FIELDS = ["kind", "message", "status", "detail", "fieldErrors", "retryAfterMs", "partialText", "endpoint", "requestId"] as const;
const pick = (from: Partial<Record<(typeof FIELDS)[number], unknown>>) => Object.fromEntries(FIELDS.map((k) => [k, from[k]]));

/**
 * The one error type the client, hooks and components produce.
 *
 * @example
 * try { await client.llmCall(jobId, { model, messages }); }
 * catch (e) { if (isSaaSLLMError(e) && e.kind === "insufficient_credits") showTopUp(); }
 */
export class SaaSLLMError extends Error {
  override name = "SaaSLLMError" as const;
  readonly [MARKER] = true;
  // Declared, not defined: the constructor sets them all in one go (smaller than one assignment each).
  declare readonly kind: SaaSLLMErrorKind;
  declare readonly status?: number;
  /** The server's detail (or stream error string) with secrets redacted. Empty when there was none. */
  declare readonly detail: string;
  declare readonly fieldErrors?: FieldError[];
  declare readonly retryAfterMs?: number;
  /** Every character received before a stream failed. */
  declare readonly partialText?: string;
  declare readonly endpoint?: string;
  declare readonly requestId?: string;
  declare readonly permanent: boolean;

  constructor(init: SaaSLLMErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    Object.assign(this, pick(init), { detail: init.detail ?? "", permanent: init.permanent ?? false });
  }

  /** Whether sending the same request again may succeed. */
  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind) && !this.permanent;
  }

  /** A copy with some fields changed (errors are immutable). */
  with(patch: Partial<SaaSLLMErrorInit>): SaaSLLMError {
    return new SaaSLLMError({ ...this.toInit(), ...patch });
  }

  toInit(): SaaSLLMErrorInit {
    return { ...(pick(this) as unknown as SaaSLLMErrorInit), permanent: this.permanent, cause: this.cause };
  }

  toJSON() {
    return { name: this.name, ...pick(this), retryable: this.retryable } as { name: "SaaSLLMError"; retryable: boolean } & Pick<SaaSLLMError, (typeof FIELDS)[number]>;
  }
}

/** True for any SaaSLLMError, including one from another copy of this package or another realm. */
export function isSaaSLLMError(value: unknown): value is SaaSLLMError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
}
