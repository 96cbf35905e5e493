/** Endpoint name → handler (E1 is answered before auth in the simulator itself). */
import type { EndpointName } from "../../core/endpoints";
import type { Handler } from "../context";
import { createAndCall, llmCall } from "./calls";
import { checkCredits, getCreditBalance, getCreditTransactions } from "./credits";
import { completeJob, createJob, getJob, getJobCosts, updateJobMetadata } from "./jobs";
import { streamCreateAndCall, streamLLMCall } from "./streams";
import { resolveModelGroup } from "./teamInfo";
import { getTeamUsage, listTeamJobs } from "./teams";

export const HANDLERS: Record<Exclude<EndpointName, "health" | "getTeamInfo">, Handler> = {
  createJob,
  getJob,
  completeJob,
  updateJobMetadata,
  getJobCosts,
  llmCall,
  streamLLMCall,
  createAndCall,
  streamCreateAndCall,
  getTeamUsage,
  listTeamJobs,
  getCreditBalance,
  getCreditTransactions,
  checkCredits,
  resolveModelGroup,
};

/** Endpoints with a JSON body model: only these parse (and can reject) the body before auth. */
export const BODY_ENDPOINTS: ReadonlySet<EndpointName> = new Set<EndpointName>([
  "createJob",
  "completeJob",
  "updateJobMetadata",
  "llmCall",
  "streamLLMCall",
  "createAndCall",
  "streamCreateAndCall",
]);
