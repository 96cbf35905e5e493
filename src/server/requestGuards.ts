/** Checks on a browser request that need no key: where it came from, what its path holds, what its body claims to be. */
import { proxyError } from "./proxyResponses";

/**
 * A 403 for a request another site made the browser send: `Sec-Fetch-Site: cross-site` or `same-site`, or an
 * `Origin` (also `null`) that is neither this host nor one of `allowedOrigins`. A plain HTML form or a
 * `no-cors` fetch on any page could otherwise spend the signed-in user's credits. Requests without either
 * header (curl, server-to-server) pass: they carry no browser's cookies by accident.
 */
export function refuseForeignOrigin(request: Request, allowedOrigins: readonly string[]): Response | null {
  const origin = request.headers.get("origin");
  if (origin !== null && allowedOrigins.includes(origin)) return null;
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return proxyError(403, "Cross-site requests are refused");
  if (origin !== null && !isOwnOrigin(origin, request)) return proxyError(403, `Origin '${origin}' is not allowed`);
  return null;
}

// Same origin: the Origin's host is the Host the browser connected to (the browser sets both; a page cannot).
function isOwnOrigin(origin: string, request: Request): boolean {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  return URL.canParse(origin) && origin !== "null" && new URL(origin).host === host;
}

/**
 * A 400 when a path segment decodes to a separator (`%2F`, `%5C`), a dot segment, a `%` (double encoding) or
 * a control character: the upstream's server decodes before routing, and a front end that normalises paths
 * would turn `..%2F..%2Fapi%2Fteams%2Fx` into the key-returning team lookup.
 */
export function refuseEncodedPath(path: string): Response | null {
  return isMalformedPath(path) ? proxyError(400, "Malformed path") : null;
}

/** True when a segment of `path` (a raw request target's path, or a URL's pathname) is one {@link refuseEncodedPath} refuses. */
export function isMalformedPath(path: string): boolean {
  return path.split("/").some((segment) => {
    if (!segment.includes("%") && segment !== "." && segment !== "..") return false;
    const decoded = safeDecode(segment);
    // eslint-disable-next-line no-control-regex
    return decoded === null || decoded === "." || decoded === ".." || /[/\\%\u0000-\u001f\u007f]/.test(decoded);
  });
}

const safeDecode = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/**
 * A 415 when a POST or PATCH carries a body not declared `application/json`. The upstream parses any body
 * as JSON whatever its type, so without this an HTML form (`text/plain`, urlencoded, multipart) or a
 * typeless `no-cors` body from another site would be accepted. An empty body (E15's POST) passes.
 */
export function refuseNonJsonBody(request: Request): Response | null {
  if (request.method !== "POST" && request.method !== "PATCH") return null;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return null;
  const length = request.headers.get("content-length");
  if (!type && request.body === null) return null;
  if (!type && length === "0") return null;
  return proxyError(415, "Request body must be application/json");
}
