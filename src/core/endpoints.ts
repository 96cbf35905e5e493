/** Names of the client-facing endpoints (api-contract.md E1–E15), used in errors, events and the simulator log. */
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
  | "checkCredits";

/** Default per-endpoint timeouts in ms, from the API's error-handling guide (streams: overall limit). */
export const DEFAULT_TIMEOUTS: Record<EndpointName, number> = {
  health: 10_000,
  createJob: 10_000,
  getJob: 10_000,
  completeJob: 30_000,
  updateJobMetadata: 10_000,
  getJobCosts: 10_000,
  llmCall: 60_000,
  streamLLMCall: 120_000,
  createAndCall: 60_000,
  streamCreateAndCall: 120_000,
  getTeamUsage: 10_000,
  listTeamJobs: 10_000,
  getCreditBalance: 10_000,
  getCreditTransactions: 10_000,
  checkCredits: 10_000,
};

/** Gap allowed between stream bytes. The upstream buffers the whole answer before sending, so this is generous. */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 120_000;
