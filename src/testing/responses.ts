/** Response builders for the server's three error body kinds (§1) and plain JSON. */

/** A JSON response; FastAPI writes compact JSON with `content-type: application/json`. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A handled error: `{"detail": …}`. */
export function detailResponse(status: number, detail: unknown, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { detail }, headers);
}

/** An unhandled exception: 500 with the plain-text body `Internal Server Error` (no JSON, §1). */
export function internalServerError(): Response {
  return new Response("Internal Server Error", {
    status: 500,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/** Builds a raw-body response (an HTML proxy page, an empty body …) for scripted faults. */
export function rawResponse(status: number, body: string, contentType?: string, headers: Record<string, string> = {}): Response {
  const allHeaders: Record<string, string> = { ...headers };
  if (contentType) allHeaders["content-type"] = contentType;
  // 204/205/304 may not carry a body; a null body also avoids the default text/plain type for "".
  const noBody = status === 204 || status === 205 || status === 304 || body === "";
  return new Response(noBody ? null : body, { status, headers: allHeaders });
}
