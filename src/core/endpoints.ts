/** Names of the client-facing endpoints (docs/wire-protocol.md, E1–E17), used in errors, events and the simulator log. */
export type EndpointName =
  | "health"
  | "createJob"
  | "getJob"
  | "completeJob"
  | "updateJobMetadata"
  | "getJobCosts"
  | "llmCall"
  | "streamLLMCall"
  | "createAndCall"
  | "streamCreateAndCall"
  | "getTeamUsage"
  | "listTeamJobs"
  | "getCreditBalance"
  | "getCreditTransactions"
  | "checkCredits"
  | "getTeamInfo"
  | "resolveModelGroup";

/** An HTTP method the client-facing endpoints use. */
export type EndpointMethod = "GET" | "POST" | "PATCH";

/**
 * One client-facing endpoint, as the client's methods (`routeOf`), the proxy's allowlist and the simulator's
 * router read it. Its default timeout is {@link defaultTimeout}.
 */
export interface Endpoint {
  /** `"METHOD /path"`; `{id}` is the one path parameter (a job id, a team id or a model group's name). */
  route: `${EndpointMethod} /${string}`;
  /** Where the request names its team, which the proxy checks against the key's team. */
  team?: "path" | "body" | "query";
  /** The answer is an SSE stream. */
  streams?: true;
  /** Never forwarded by the proxy: E16 answers with the team's virtual key. */
  serverOnly?: true;
}

/** `"METHOD /path"` of one endpoint; `{id}` is the one path parameter. */
export type Route = Endpoint["route"];

/**
 * The method and path of each client-facing endpoint (docs/wire-protocol.md, E1–E17), one table per method
 * module, so an app ships only the routes of the methods it composes: the job methods' here, the streamed
 * and account ones below. `ENDPOINTS` (endpointRules.ts) reads them all, for the proxy's allowlist and the
 * simulator's router.
 */
/** The endpoints the jobs client itself calls (`ClientCore.call`); the other method modules have their own routes. */
export type JobEndpoint = "createJob" | "createAndCall" | "llmCall" | "completeJob" | "getJob" | "listTeamJobs";

export const JOB_ROUTES: Record<JobEndpoint, Route> = {
  createJob: "POST /api/jobs/create",
  createAndCall: "POST /api/jobs/create-and-call",
  llmCall: "POST /api/jobs/{id}/llm-call",
  completeJob: "POST /api/jobs/{id}/complete",
  getJob: "GET /api/jobs/{id}",
  listTeamJobs: "GET /api/teams/{id}/jobs",
};

/** The streamed endpoints' routes (`streamMethods`). */
export const STREAM_ROUTES = {
  streamCreateAndCall: "POST /api/jobs/create-and-call-stream",
  streamLLMCall: "POST /api/jobs/{id}/llm-call-stream",
} satisfies Partial<Record<EndpointName, Route>>;

/** The account endpoints' routes (`accountMethods`). */
export const ACCOUNT_ROUTES = {
  health: "GET /health",
  updateJobMetadata: "PATCH /api/jobs/{id}/metadata",
  getJobCosts: "GET /api/jobs/{id}/costs",
  getTeamUsage: "GET /api/teams/{id}/usage",
  getCreditBalance: "GET /api/credits/teams/{id}/balance",
  getCreditTransactions: "GET /api/credits/teams/{id}/transactions",
  checkCredits: "POST /api/credits/teams/{id}/check",
  getTeamInfo: "GET /api/teams/{id}",
  resolveModelGroup: "GET /api/model-groups/{id}/resolve",
} satisfies Partial<Record<EndpointName, Route>>;

/**
 * Default per-endpoint timeouts in ms: 10 s, as the API's error-handling guide says, raised where the upstream
 * needs longer: a complete, E3/E5 waiting out the server's own provider retries (≥120 s), and a buffered stream,
 * which sends nothing between `: keepalive` and the whole answer, so its overall limit must cover the generation.
 */
const LONGER_TIMEOUTS: Partial<Record<EndpointName, number>> = { completeJob: 30_000, llmCall: 120_000, createAndCall: 120_000, streamLLMCall: 180_000, streamCreateAndCall: 180_000 };

/** The default timeout of one endpoint (ms). */
export const defaultTimeout = (endpoint: EndpointName): number => LONGER_TIMEOUTS[endpoint] ?? 10_000;

/** Gap allowed between stream events once the first `data:` event arrived (the silence before it is generation, not a stall). */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 120_000;
