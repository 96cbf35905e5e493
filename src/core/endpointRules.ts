import { ACCOUNT_ROUTES as A, JOB_ROUTES as J, STREAM_ROUTES as S, type Endpoint, type EndpointName } from "./endpoints";

/**
 * The client-facing endpoints with the rules the proxy's allowlist and the simulator's router read (where the
 * team is named, whether it streams, whether it is server-only), in the upstream's routing order (so
 * `GET /api/jobs/create` is E8, as on the server). Their routes are the method modules' route tables, which is
 * all the client's methods read. Apart from `endpoints.ts`, so a browser bundle never carries these rules. A
 * `Record` over `EndpointName`: an endpoint left out is a compile error here.
 */
export const ENDPOINTS: Readonly<Record<EndpointName, Endpoint>> = {
  health: { route: A.health },
  createJob: { route: J.createJob, team: "body" },
  createAndCall: { route: J.createAndCall, team: "body" },
  streamCreateAndCall: { route: S.streamCreateAndCall, team: "body", streams: true },
  llmCall: { route: J.llmCall },
  streamLLMCall: { route: S.streamLLMCall, streams: true },
  completeJob: { route: J.completeJob },
  getJob: { route: J.getJob },
  updateJobMetadata: { route: A.updateJobMetadata },
  getJobCosts: { route: A.getJobCosts },
  getTeamUsage: { route: A.getTeamUsage, team: "path" },
  listTeamJobs: { route: J.listTeamJobs, team: "path" },
  getCreditBalance: { route: A.getCreditBalance, team: "path" },
  getCreditTransactions: { route: A.getCreditTransactions, team: "path" },
  checkCredits: { route: A.checkCredits, team: "path" },
  getTeamInfo: { route: A.getTeamInfo, team: "path", serverOnly: true },
  resolveModelGroup: { route: A.resolveModelGroup, team: "query" },
};
