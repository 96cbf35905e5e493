import type { CallOptions } from "./callOptions";
import type { ClientCore } from "./clientCore";
import { isJobOfCall } from "./jobs/findCallJobs";
import type { Job, JobStatus } from "./types";

/**
 * The lookups of a single-shot call's jobs by its `clientRequestId`, as a method module for
 * `composeSaaSLLMClient` (the hooks never call them; the client's own cleanup has a narrower lookup).
 */
export function lookupMethods(core: ClientCore) {
  /** Every job created for one single-shot call (one per attempt), newest first. */
  async function findJobsByClientRequestId(clientRequestId: string, opts: CallOptions & { limit?: number; status?: JobStatus } = {}): Promise<Job[]> {
    const { jobs } = await core.jobs.listTeamJobs({ limit: opts.limit ?? 50, status: opts.status }, opts);
    return jobs.filter(isJobOfCall(clientRequestId));
  }
  return {
    findJobsByClientRequestId,
    /** Finds the job a single-shot stream created (its last attempt's), through the team jobs list (newest first). */
    async findJobByClientRequestId(clientRequestId: string, opts: CallOptions & { limit?: number } = {}): Promise<Job | null> {
      return (await findJobsByClientRequestId(clientRequestId, opts))[0] ?? null;
    },
  };
}
