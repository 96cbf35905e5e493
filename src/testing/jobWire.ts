/** Wire forms of a job (§3.3) and of its calls (E7, E10). */
import type { SimState } from "./state";
import { stamp, stampOrNull } from "./time";
import type { SimJob } from "./types";

/** The `Job` object of E8 and E12 (timestamps in format b). */
export function jobWire(state: SimState, job: SimJob): Record<string, unknown> {
  const p = state.preset;
  return {
    job_id: job.jobId,
    team_id: job.teamId,
    user_id: job.userId,
    job_type: job.jobType,
    status: job.status,
    created_at: stamp(p, "b", job.createdAt),
    started_at: stampOrNull(p, "b", job.startedAt),
    completed_at: stampOrNull(p, "b", job.completedAt),
    metadata: job.metadata,
    error_message: job.errorMessage,
    organization_id: null,
    external_task_id: null,
    credit_applied: job.creditApplied,
    model_groups_used: job.modelGroupsUsed,
  };
}

/** E7's `calls` list. */
export function callSummaries(job: SimJob): Record<string, unknown>[] {
  return job.calls.map((c) => ({
    call_id: c.callId,
    purpose: c.purpose,
    model_group: c.model,
    tokens: c.promptTokens + c.completionTokens,
    latency_ms: c.latencyMs,
    error: c.error,
  }));
}

/** E10's breakdown: provider cost without markup; `model` is null for failed calls. */
export function costBreakdown(state: SimState, job: SimJob): Record<string, unknown>[] {
  return job.calls.map((c) => ({
    call_id: c.callId,
    model: c.error === null ? c.model : null,
    purpose: c.purpose,
    prompt_tokens: c.promptTokens,
    completion_tokens: c.completionTokens,
    cost_usd: Math.round(c.costUsd * 1e6) / 1e6,
    created_at: stamp(state.preset, "a", c.createdAt),
  }));
}
