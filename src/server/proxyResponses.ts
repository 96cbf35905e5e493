/** Responses the proxy makes itself, shaped like the API's own (`{"detail": "..."}`) so clients classify them. */

export const proxyError = (status: number, detail: string): Response =>
  new Response(JSON.stringify({ detail }), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

/** Response headers never passed back: hop-by-hop ones, and what `fetch` already undid (compression, length). */
const DROPPED = ["connection", "keep-alive", "transfer-encoding", "content-encoding", "content-length", "set-cookie", "access-control-allow-origin", "access-control-allow-credentials"];

/** The upstream's headers minus {@link DROPPED}; SSE gets `no-transform` so no middlebox buffers it. */
export function responseHeaders(upstream: Headers, streaming: boolean): Headers {
  const headers = new Headers(upstream);
  for (const name of DROPPED) headers.delete(name);
  if (streaming) {
    headers.set("cache-control", "no-cache, no-transform");
    headers.set("x-accel-buffering", "no");
  }
  return headers;
}

/** Request headers forwarded to the server; everything else (cookies, the browser's `Authorization`) stays behind. */
export const FORWARDED_REQUEST_HEADERS = ["content-type", "accept", "idempotency-key", "x-request-id"];
