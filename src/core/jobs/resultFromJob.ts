import type { CompleteJobResult, Job } from "../types";

/** A closed job's record as a complete result, for a close that found the job already closed (no costs are known). */
export function resultFromJob(job: Job): CompleteJobResult {
  return {
    job_id: job.job_id,
    status: job.status,
    completed_at: job.completed_at ?? new Date(),
    costs: { total_calls: 0, successful_calls: 0, failed_calls: 0, total_tokens: 0, total_cost_usd: 0, avg_latency_ms: 0, credit_applied: job.credit_applied, credits_remaining: 0 },
    calls: [],
  };
}
