/** Path routing like Starlette over the endpoint table (`ENDPOINTS`): a path match with the wrong method is a 405, no path match a 404. */
import { decodeSegment, ENDPOINT_PATTERNS } from "../core/endpointPatterns";
import type { EndpointName } from "../core/endpoints";

/** Result of routing: an endpoint with its path parameter, or why none matched. */
export type RouteMatch =
  | { kind: "endpoint"; endpoint: EndpointName; param: string }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

/**
 * Matches `method` and `path` in declaration order (so `GET /api/jobs/create` hits E8, as upstream). Like
 * Starlette, a 405 names the methods of the first route whose path matched, not of every route.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const allow: string[] = [];
  for (const route of ENDPOINT_PATTERNS) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method === method) {
      return { kind: "endpoint", endpoint: route.endpoint, param: decodeSegment(m[1] ?? "") };
    }
    if (allow.length === 0) allow.push(route.method);
  }
  return allow.length ? { kind: "method-not-allowed", allow } : { kind: "not-found" };
}

/** True for paths the simulator owns, so MSW can let other requests (assets, HMR) pass through. */
export function isApiPath(path: string): boolean {
  return path === "/health" || path.startsWith("/api/");
}
