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
