/** Public types of the simulated provider (OpenAI, Anthropic, Gemini) that sits behind the API. */

/** The provider family a model group routes to (its chunk shape on the wire). */
export type SimProvider = "openai" | "anthropic" | "gemini";

/**
 * What the provider does on one request the server sends it. The server's own handling follows:
 * plain calls (E3, E5) retry the provider, streams (E4, E6) do not (upstream-behaviour §2, §3).
 */
export interface ProviderFault {
  /** The provider answers this status: 429 (throttled), 401 (its key was rejected), 5xx. */
  status?: 429 | 401 | 500 | 502 | 503;
  /** With status 429: the provider's `Retry-After`, in seconds (also quoted in its error text). */
  retryAfterSeconds?: number;
  /** The provider's connection drops after this many chunks of the answer. */
  cutAfterChunks?: number;
  /** Slow tokens: time per chunk for this request (overrides `tokenDelayMs`). */
  tokenDelayMs?: number;
}

/** One request the server sent to the provider. */
export interface ProviderRequest {
  provider: SimProvider;
  /** The request's `model` (the alias or group). */
  model: string;
  /** `Date.now()` when sent. */
  at: number;
  /** The HTTP status the provider answered, or "cut" for a dropped connection. */
  outcome: number | "cut";
}

/** Scripted provider faults and the provider's request log. */
export interface ProviderControl {
  /** Applies `fault` to the next `times` (default 1) provider requests, server retries included. */
  next(fault: ProviderFault, options?: { times?: number }): void;
  clear(): void;
  /** Every provider request so far, in order. */
  requests(): ProviderRequest[];
}
