/** CORS for local development: a page on localhost (any port) may call the simulator with a key. */

type FetchHandler = (request: Request) => Promise<Response>;

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** True for `http(s)://localhost`, `127.0.0.1` and `[::1]` on any port. */
export const isLocalOrigin = (origin: string | null): origin is string => origin !== null && LOCAL_ORIGIN.test(origin);

/**
 * Answers preflights from local origins and adds `Access-Control-Allow-Origin` to their responses (including
 * a stream's). Other origins get no CORS headers, so a page elsewhere on the web cannot use the simulator.
 */
export function withLocalCors(handler: FetchHandler): FetchHandler {
  return async (request) => {
    const origin = request.headers.get("origin");
    if (!isLocalOrigin(origin)) return handler(request);
    if (request.method === "OPTIONS" && request.headers.has("access-control-request-method")) {
      return new Response(null, {
        status: 204,
        headers: {
          ...allow(origin),
          "access-control-allow-methods": "GET, POST, PATCH, OPTIONS",
          "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "authorization, content-type",
          "access-control-max-age": "600",
        },
      });
    }
    const response = await handler(request);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(allow(origin))) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

const allow = (origin: string): Record<string, string> => ({
  "access-control-allow-origin": origin,
  "access-control-expose-headers": "retry-after, retry-after-ms, x-request-id",
  vary: "Origin",
});
