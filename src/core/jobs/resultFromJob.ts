import { toCosts } from "../normalize";
import type { CompleteJobResult, Job } from "../types";

/** A closed job's record as a complete result, for a close that found the job already closed (no costs are known). */
export function resultFromJob(job: Job): CompleteJobResult {
  return {
    job_id: job.job_id,
    status: job.status,
    completed_at: job.completed_at ?? new Date(),
    costs: toCosts({ credit_applied: job.credit_applied }, "getJob"),
    calls: [],
  };
}
