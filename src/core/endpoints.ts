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
 * One client-facing endpoint, as the proxy's allowlist and the simulator's router read it. Its default
 * timeout is the same name's entry in {@link DEFAULT_TIMEOUTS}. The client's methods write their paths
 * out (a table read at run time would ship every route to every app, over the bundle budgets); the
 * simulator routes by this table, so a client path that disagrees with it fails the endpoint tests.
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

/**
 * The client-facing endpoints (docs/wire-protocol.md, E1–E17), in the upstream's routing order (so
 * `GET /api/jobs/create` is E8, as on the server).
 */
export const ENDPOINTS: Readonly<Record<EndpointName, Endpoint>> = {
  health: { route: "GET /health" },
  createJob: { route: "POST /api/jobs/create", team: "body" },
  createAndCall: { route: "POST /api/jobs/create-and-call", team: "body" },
  streamCreateAndCall: { route: "POST /api/jobs/create-and-call-stream", team: "body", streams: true },
  llmCall: { route: "POST /api/jobs/{id}/llm-call" },
  streamLLMCall: { route: "POST /api/jobs/{id}/llm-call-stream", streams: true },
  completeJob: { route: "POST /api/jobs/{id}/complete" },
  getJob: { route: "GET /api/jobs/{id}" },
  updateJobMetadata: { route: "PATCH /api/jobs/{id}/metadata" },
  getJobCosts: { route: "GET /api/jobs/{id}/costs" },
  getTeamUsage: { route: "GET /api/teams/{id}/usage", team: "path" },
  listTeamJobs: { route: "GET /api/teams/{id}/jobs", team: "path" },
  getCreditBalance: { route: "GET /api/credits/teams/{id}/balance", team: "path" },
  getCreditTransactions: { route: "GET /api/credits/teams/{id}/transactions", team: "path" },
  checkCredits: { route: "POST /api/credits/teams/{id}/check", team: "path" },
  getTeamInfo: { route: "GET /api/teams/{id}", team: "path", serverOnly: true },
  resolveModelGroup: { route: "GET /api/model-groups/{id}/resolve", team: "query" },
};

/**
 * Default per-endpoint timeouts in ms, from the API's error-handling guide, raised where the upstream needs
 * longer: E3/E5 wait out the server's own provider retries (≥120 s), and a buffered stream sends nothing
 * between `: keepalive` and the whole answer, so its overall limit must cover the generation.
 */
export const DEFAULT_TIMEOUTS: Record<EndpointName, number> = {
  health: 10_000,
  createJob: 10_000,
  getJob: 10_000,
  completeJob: 30_000,
  updateJobMetadata: 10_000,
  getJobCosts: 10_000,
  llmCall: 120_000,
  streamLLMCall: 180_000,
  createAndCall: 120_000,
  streamCreateAndCall: 180_000,
  getTeamUsage: 10_000,
  listTeamJobs: 10_000,
  getCreditBalance: 10_000,
  getCreditTransactions: 10_000,
  checkCredits: 10_000,
  getTeamInfo: 10_000,
  resolveModelGroup: 10_000,
};

/** Gap allowed between stream events once the first `data:` event arrived (the silence before it is generation, not a stall). */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 120_000;
