/** The provider's error texts as the upstream server wraps them (docs/wire-protocol.md; upstream-behaviour §2). */
import { ACTUAL_MODELS, SIM_PROVIDER_KEYS } from "./constants";
import type { SimProvider } from "./types";

/** What went wrong at the provider on one request. */
export type ProviderFailure = { status: number; retryAfterSeconds?: number } | { cut: true };

const PREFIX = "500: Failed to call provider API: ";
const REASONS: Record<number, string> = { 401: "Unauthorized", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" };
const PEER_CLOSED = "peer closed connection without sending complete message body (incomplete chunked read)";
const NAMES: Record<SimProvider, string> = { openai: "OpenAI", anthropic: "Anthropic", gemini: "Gemini" };

/** The provider URL the server calls; Gemini's carries the provider key in its query. */
export function providerUrl(provider: SimProvider, stream: boolean): string {
  if (provider === "openai") return "https://api.openai.com/v1/chat/completions";
  if (provider === "anthropic") return "https://api.anthropic.com/v1/messages";
  const method = stream ? "streamGenerateContent?alt=sse&" : "generateContent?";
  return `https://generativelanguage.googleapis.com/v1beta/models/${ACTUAL_MODELS.gemini}:${method}key=${SIM_PROVIDER_KEYS.gemini}`;
}

/** httpx's `raise_for_status` text, used by streams and by Gemini. */
function httpxText(provider: SimProvider, status: number, stream: boolean): string {
  const side = status < 500 ? "Client error" : "Server error";
  return `${side} '${status} ${REASONS[status] ?? "Error"}' for url '${providerUrl(provider, stream)}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/${status}`;
}

/** The SDK exception text of an OpenAI or Anthropic plain call. */
function sdkText(provider: "openai" | "anthropic", failure: { status: number; retryAfterSeconds?: number }): string {
  const { status } = failure;
  const wait = failure.retryAfterSeconds !== undefined ? ` Please try again in ${failure.retryAfterSeconds}s.` : "";
  if (provider === "openai") {
    if (status === 429) return `OpenAI rate limit: Error code: 429 - {'error': {'message': 'Rate limit reached for ${ACTUAL_MODELS.openai} on requests per min (RPM).${wait}', 'type': 'requests', 'param': None, 'code': 'rate_limit_exceeded'}}`;
    if (status === 401) return `OpenAI authentication failed: Error code: 401 - {'error': {'message': 'Incorrect API key provided: ${SIM_PROVIDER_KEYS.openai}.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}`;
    return `OpenAI error: Error code: ${status} - {'error': {'message': 'The server had an error while processing your request.', 'type': 'server_error'}}`;
  }
  if (status === 429) return `Anthropic rate limit: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'Number of requests has exceeded your rate limit.${wait}'}}`;
  if (status === 401) return `Anthropic authentication failed: Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key: ${SIM_PROVIDER_KEYS.anthropic}'}}`;
  return `Anthropic error: Error code: ${status} - {'type': 'error', 'error': {'type': 'api_error', 'message': 'Internal server error'}}`;
}

/** The `{reason}` of E3/E5's `LLM call failed: {reason}`. */
export function plainCallReason(provider: SimProvider, failure: ProviderFailure): string {
  if ("cut" in failure) return `${PREFIX}${NAMES[provider]} error: ${provider === "gemini" ? PEER_CLOSED : "Connection error."}`;
  if (provider === "gemini") {
    const kind = failure.status === 401 ? "Gemini authentication failed" : "Gemini error";
    return `${PREFIX}${kind}: ${httpxText(provider, failure.status, false)}`;
  }
  return PREFIX + sdkText(provider, failure);
}

/** The string of a stream's single error event (E4, E6): streams use httpx directly, with no retries. */
export function streamReason(provider: SimProvider, failure: ProviderFailure): string {
  if ("cut" in failure) return PREFIX + PEER_CLOSED;
  return PREFIX + httpxText(provider, failure.status, true);
}
