/**
 * The client-facing endpoints a browser may reach through the proxy. Everything else (the admin side, the
 * unauthenticated team lookup that returns keys, the docs) is refused without contacting the server.
 */

/** A forwarded route: its method, its path, and whether the path names a team. */
interface ClientRoute {
  method: "GET" | "POST" | "PATCH";
  pattern: RegExp;
  /** Path segment index (1-based capture group) holding a team id, checked against the key's team. */
  teamGroup?: 1;
  /** The body carries `team_id`, also checked. */
  bodyTeam?: true;
  streams?: true;
}

const ID = "([^/]+)";
const CLIENT_ROUTES: ClientRoute[] = [
  { method: "GET", pattern: /^\/health$/ },
  { method: "POST", pattern: /^\/api\/jobs\/create$/, bodyTeam: true },
  { method: "POST", pattern: /^\/api\/jobs\/create-and-call$/, bodyTeam: true },
  { method: "POST", pattern: /^\/api\/jobs\/create-and-call-stream$/, bodyTeam: true, streams: true },
  { method: "POST", pattern: new RegExp(`^/api/jobs/${ID}/llm-call$`) },
  { method: "POST", pattern: new RegExp(`^/api/jobs/${ID}/llm-call-stream$`), streams: true },
  { method: "POST", pattern: new RegExp(`^/api/jobs/${ID}/complete$`) },
  { method: "GET", pattern: new RegExp(`^/api/jobs/${ID}$`) },
  { method: "PATCH", pattern: new RegExp(`^/api/jobs/${ID}/metadata$`) },
  { method: "GET", pattern: new RegExp(`^/api/jobs/${ID}/costs$`) },
  { method: "GET", pattern: new RegExp(`^/api/teams/${ID}/usage$`), teamGroup: 1 },
  { method: "GET", pattern: new RegExp(`^/api/teams/${ID}/jobs$`), teamGroup: 1 },
  { method: "GET", pattern: new RegExp(`^/api/credits/teams/${ID}/balance$`), teamGroup: 1 },
  { method: "GET", pattern: new RegExp(`^/api/credits/teams/${ID}/transactions$`), teamGroup: 1 },
  { method: "POST", pattern: new RegExp(`^/api/credits/teams/${ID}/check$`), teamGroup: 1 },
  { method: "GET", pattern: new RegExp(`^/api/model-groups/${ID}/resolve$`) },
];

/** What the proxy needs to know about a request it may forward. */
export interface ClientRouteMatch {
  /** The team named in the path, if the route has one (decoded). */
  pathTeam?: string;
  bodyTeam: boolean;
  streams: boolean;
}

/** The route `method` + `path` belongs to, or `null` when the proxy must not forward it. */
export function matchClientRoute(method: string, path: string): ClientRouteMatch | null {
  for (const route of CLIENT_ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    const segment = route.teamGroup ? m[route.teamGroup] : undefined;
    return { ...(segment !== undefined ? { pathTeam: decode(segment) } : {}), bodyTeam: route.bodyTeam ?? false, streams: route.streams ?? false };
  }
  return null;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
