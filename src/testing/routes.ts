/** Path routing like Starlette: a path match with the wrong method is a 405, no path match a 404. */
import type { EndpointName } from "../core/endpoints";

interface Route {
  method: string;
  pattern: RegExp;
  endpoint: EndpointName;
}

const SEG = "([^/]+)";
const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/health$/, endpoint: "health" },
  { method: "POST", pattern: /^\/api\/jobs\/create$/, endpoint: "createJob" },
  { method: "POST", pattern: /^\/api\/jobs\/create-and-call$/, endpoint: "createAndCall" },
  { method: "POST", pattern: /^\/api\/jobs\/create-and-call-stream$/, endpoint: "streamCreateAndCall" },
  { method: "POST", pattern: new RegExp(`^/api/jobs/${SEG}/llm-call$`), endpoint: "llmCall" },
  { method: "POST", pattern: new RegExp(`^/api/jobs/${SEG}/llm-call-stream$`), endpoint: "streamLLMCall" },
  { method: "POST", pattern: new RegExp(`^/api/jobs/${SEG}/complete$`), endpoint: "completeJob" },
  { method: "GET", pattern: new RegExp(`^/api/jobs/${SEG}$`), endpoint: "getJob" },
  { method: "PATCH", pattern: new RegExp(`^/api/jobs/${SEG}/metadata$`), endpoint: "updateJobMetadata" },
  { method: "GET", pattern: new RegExp(`^/api/jobs/${SEG}/costs$`), endpoint: "getJobCosts" },
  { method: "GET", pattern: new RegExp(`^/api/teams/${SEG}/usage$`), endpoint: "getTeamUsage" },
  { method: "GET", pattern: new RegExp(`^/api/teams/${SEG}/jobs$`), endpoint: "listTeamJobs" },
  { method: "GET", pattern: new RegExp(`^/api/credits/teams/${SEG}/balance$`), endpoint: "getCreditBalance" },
  { method: "GET", pattern: new RegExp(`^/api/credits/teams/${SEG}/transactions$`), endpoint: "getCreditTransactions" },
  { method: "POST", pattern: new RegExp(`^/api/credits/teams/${SEG}/check$`), endpoint: "checkCredits" },
  { method: "GET", pattern: new RegExp(`^/api/teams/${SEG}$`), endpoint: "getTeamInfo" },
  { method: "GET", pattern: new RegExp(`^/api/model-groups/${SEG}/resolve$`), endpoint: "resolveModelGroup" },
];

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
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method === method) {
      return { kind: "endpoint", endpoint: route.endpoint, param: safeDecode(m[1] ?? "") };
    }
    if (allow.length === 0) allow.push(route.method);
  }
  return allow.length ? { kind: "method-not-allowed", allow } : { kind: "not-found" };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** True for paths the simulator owns, so MSW can let other requests (assets, HMR) pass through. */
export function isApiPath(path: string): boolean {
  return path === "/health" || path.startsWith("/api/");
}
