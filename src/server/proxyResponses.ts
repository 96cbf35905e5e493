/** Responses the proxy makes itself, shaped like the API's own (`{"detail": "..."}`) so clients classify them. */

export const proxyError = (status: number, detail: string): Response =>
  new Response(JSON.stringify({ detail }), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

/** Request headers forwarded to the server; everything else (cookies, the browser's `Authorization`) stays behind. */
export const FORWARDED_REQUEST_HEADERS = ["content-type", "accept", "idempotency-key", "x-request-id", "if-none-match", "if-modified-since"];
