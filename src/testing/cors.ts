/** Starlette's CORSMiddleware as the upstream configures it: a hard-coded origin list, credentials allowed. */

/** The upstream's allow-list (docs/wire-protocol.md). */
export const UPSTREAM_CORS_ORIGINS = [
  "http://localhost:3001",
  "http://localhost:3002",
  "http://127.0.0.1:3001",
  "http://127.0.0.1:3002",
  "https://saaslitellm-admin.usegittie.com",
];

const METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";

/** True for a CORS preflight: OPTIONS with `Origin` and `Access-Control-Request-Method`. */
export const isPreflight = (request: Request): boolean =>
  request.method === "OPTIONS" && request.headers.has("origin") && request.headers.has("access-control-request-method");

/** The preflight answer: 200 `OK` for a listed origin, else 400 text/plain `Disallowed CORS origin` (upstream-behaviour §4). */
export function preflightResponse(request: Request, origins: readonly string[] = UPSTREAM_CORS_ORIGINS): Response {
  const origin = request.headers.get("origin") ?? "";
  const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8", vary: "Origin" };
  if (!origins.includes(origin)) return new Response("Disallowed CORS origin", { status: 400, headers });
  const requested = request.headers.get("access-control-request-headers");
  return new Response("OK", {
    status: 200,
    headers: {
      ...headers,
      "access-control-allow-origin": origin,
      "access-control-allow-methods": METHODS,
      "access-control-allow-credentials": "true",
      "access-control-max-age": "600",
      ...(requested ? { "access-control-allow-headers": requested } : {}),
    },
  });
}
