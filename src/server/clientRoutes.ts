/**
 * The client-facing endpoints a browser may reach through the proxy: the endpoint table (`ENDPOINTS`) minus
 * what is marked server-only. Everything else (the admin side, the unauthenticated team lookup that returns
 * keys, the docs) is refused without contacting the server.
 */
import { decodeSegment, ENDPOINT_PATTERNS } from "../core/endpointPatterns";

const BROWSER_ROUTES = ENDPOINT_PATTERNS.filter((route) => !route.serverOnly);

/** What the proxy needs to know about a request it may forward. */
export interface ClientRouteMatch {
  /** The team named in the path, if the route has one (decoded). */
  pathTeam?: string;
  bodyTeam: boolean;
  streams: boolean;
}

/** The route `method` + `path` belongs to, or `null` when the proxy must not forward it. */
export function matchClientRoute(method: string, path: string): ClientRouteMatch | null {
  for (const route of BROWSER_ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    return { ...(route.team === "path" ? { pathTeam: decodeSegment(m[1]!) } : {}), bodyTeam: route.team === "body", streams: route.streams ?? false };
  }
  return null;
}
