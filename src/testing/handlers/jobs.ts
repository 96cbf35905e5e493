/** Job endpoints: E2 create, E7 complete, E8 get, E9 metadata, E10 costs. */
import { bodyOf, loadJob, type Handler } from "../context";
import { callSummaries, costBreakdown, jobWire } from "../jobWire";
import { chargeCompletion, jobCosts } from "../ledger";
import { insertJob, writeCostSummary } from "../modelCall";
import { detailResponse, internalServerError, jsonResponse } from "../responses";
import { stamp } from "../time";
import { COMPLETE_FIELDS, CREATE_JOB_FIELDS, METADATA_FIELDS } from "../schemas";
import { validateBody } from "../validation";

/** E2: a PENDING job. Over-long `job_type`/`user_id` overflow the DB column: 500 plain text. */
export const createJob: Handler = (ctx) => {
  const errors = validateBody(ctx.body, CREATE_JOB_FIELDS);
  if (errors.length) return detailResponse(422, errors);
  const body = bodyOf(ctx);
  if (body.team_id !== ctx.team.teamId) return detailResponse(403, `API key does not belong to team '${String(body.team_id)}'`);
  const userId = (body.user_id as string | null | undefined) ?? null;
  if (String(body.job_type).length > 100 || (userId?.length ?? 0) > 255) return internalServerError();
  const metadata = "metadata" in body ? (body.metadata as Record<string, unknown> | null) : {};
  const job = insertJob(ctx.state, ctx.team, { jobType: String(body.job_type), userId, metadata, status: "PENDING", createdBy: "createJob" });
  return jsonResponse(200, { job_id: job.jobId, status: job.status, created_at: stamp(ctx.state.preset, "a", job.createdAt) });
};

/** E8. */
export const getJob: Handler = (ctx) => {
  const job = loadJob(ctx);
  if (job instanceof Response) return job;
  return jsonResponse(200, jobWire(ctx.state, job));
};

/** E9: shallow merge, allowed in any status. */
export const updateJobMetadata: Handler = (ctx) => {
  const errors = validateBody(ctx.body, METADATA_FIELDS);
  if (errors.length) return detailResponse(422, errors);
  const job = loadJob(ctx);
  if (job instanceof Response) return job;
  job.metadata = { ...(job.metadata ?? {}), ...(bodyOf(ctx).metadata as Record<string, unknown>) };
  return jsonResponse(200, { job_id: job.jobId, metadata: job.metadata, updated_at: stamp(ctx.state.preset, "a", Date.now()) });
};

/** E10: provider cost without markup. */
export const getJobCosts: Handler = (ctx) => {
  const job = loadJob(ctx);
  if (job instanceof Response) return job;
  const total = Math.round(job.calls.reduce((s, c) => s + c.costUsd, 0) * 1e6) / 1e6;
  return jsonResponse(200, {
    job_id: job.jobId,
    team_id: job.teamId,
    job_type: job.jobType,
    status: job.status,
    costs: { total_cost_usd: total, breakdown: costBreakdown(ctx.state, job) },
  });
};

/**
 * E7: any number of times on any job. `metadata` is accepted but not persisted (§9 row 24), except that
 * sending it for a job created with `metadata: null` crashes upstream (500 text).
 */
export const completeJob: Handler = (ctx) => {
  const errors = validateBody(ctx.body, COMPLETE_FIELDS);
  if (errors.length) return detailResponse(422, errors);
  const job = loadJob(ctx);
  if (job instanceof Response) return job;
  const body = bodyOf(ctx);
  const message = typeof body.error_message === "string" ? body.error_message : "";
  const metadata = body.metadata as Record<string, unknown> | null | undefined;
  if (message.length > 1000) return internalServerError();
  if (job.metadata === null && metadata && Object.keys(metadata).length > 0) return internalServerError();
  job.completedAt = Date.now();
  if (message) job.errorMessage = message;
  if (body.status === "completed") {
    job.status = "COMPLETED";
    chargeCompletion(ctx.state, ctx.team, job);
  } else {
    job.status = "FAILED";
    // Upstream resets the flag without a refund; the documented preset keeps the record of a real charge.
    if (ctx.state.preset === "upstream") job.creditApplied = false;
  }
  writeCostSummary(job);
  return jsonResponse(200, {
    job_id: job.jobId,
    status: job.status,
    completed_at: stamp(ctx.state.preset, "a", job.completedAt),
    costs: jobCosts(job, ctx.team),
    calls: callSummaries(job),
  });
};
