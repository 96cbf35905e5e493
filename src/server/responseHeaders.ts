/** The upstream response headers a browser may see: an allowlist, so nothing the upstream echoes leaks. */
import { redactSecrets } from "../core/redact";

/**
 * Headers the client reads (type, retry timing, request and job ids) and the cache validators a 304 needs.
 * Everything else is dropped: `Location` (never followed), `WWW-Authenticate` and any `x-…` header, where
 * an upstream may echo the key; `Set-Cookie` and CORS headers, which belong to the app's origin.
 */
const ALLOWED = new Set(["content-type", "cache-control", "retry-after", "retry-after-ms", "x-request-id", "request-id", "x-job-id", "etag", "last-modified", "vary"]);
/** Rate-limit headers (`RateLimit-*` of the IETF draft, `X-RateLimit-*` of OpenAI-style servers). */
const RATE_LIMIT = /^(?:x-)?ratelimit(?:-|$)/;

/**
 * The allowed upstream headers, each dropped when its value holds the key or a key-like secret; SSE gets
 * `no-transform` and `X-Accel-Buffering: no` so no middlebox buffers it.
 */
export function responseHeaders(upstream: Headers, virtualKey: string, streaming: boolean): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if ((ALLOWED.has(name) || RATE_LIMIT.test(name)) && redactSecrets(value, [virtualKey]) === value) headers.set(name, value);
  });
  if (streaming) {
    headers.set("cache-control", "no-cache, no-transform");
    headers.set("x-accel-buffering", "no");
  }
  return headers;
}
