import { ROUTES, type Endpoint, type EndpointName } from "./endpoints";

/**
 * The client-facing endpoints with the rules the proxy's allowlist and the simulator's router read (where the
 * team is named, whether it streams, whether it is server-only); their routes are {@link ROUTES}, which is all
 * the client's methods read. Apart from `endpoints.ts`, so a browser bundle never carries these rules.
 */
export const ENDPOINTS: Readonly<Record<EndpointName, Endpoint>> = {
  health: { route: ROUTES.health },
  createJob: { route: ROUTES.createJob, team: "body" },
  createAndCall: { route: ROUTES.createAndCall, team: "body" },
  streamCreateAndCall: { route: ROUTES.streamCreateAndCall, team: "body", streams: true },
  llmCall: { route: ROUTES.llmCall },
  streamLLMCall: { route: ROUTES.streamLLMCall, streams: true },
  completeJob: { route: ROUTES.completeJob },
  getJob: { route: ROUTES.getJob },
  updateJobMetadata: { route: ROUTES.updateJobMetadata },
  getJobCosts: { route: ROUTES.getJobCosts },
  getTeamUsage: { route: ROUTES.getTeamUsage, team: "path" },
  listTeamJobs: { route: ROUTES.listTeamJobs, team: "path" },
  getCreditBalance: { route: ROUTES.getCreditBalance, team: "path" },
  getCreditTransactions: { route: ROUTES.getCreditTransactions, team: "path" },
  checkCredits: { route: ROUTES.checkCredits, team: "path" },
  getTeamInfo: { route: ROUTES.getTeamInfo, team: "path", serverOnly: true },
  resolveModelGroup: { route: ROUTES.resolveModelGroup, team: "query" },
};
