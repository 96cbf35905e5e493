/** Non-streaming calls: E3 llm-call inside a job, E5 create-and-call. */
import { bodyOf, loadJob, type Handler, type HandlerContext } from "../context";
import { chargeCompletion, jobCosts } from "../ledger";
import { creditGate, finishJob, insertJob, recordCall, resolveModel } from "../modelCall";
import { detailResponse, internalServerError, jsonResponse } from "../responses";
import { FINISH_REASON } from "../sse";
import { stamp } from "../time";
import { LLM_CALL_FIELDS, SINGLE_CALL_FIELDS } from "../schemas";
import { validateBody } from "../validation";

/** E3: PENDING→IN_PROGRESS happens before the model check, so a 403 still starts the job (§7.1). */
export const llmCall: Handler = (ctx) => {
  const errors = validateBody(ctx.body, LLM_CALL_FIELDS);
  if (errors.length) return detailResponse(422, errors);
  const job = loadJob(ctx);
  if (job instanceof Response) return job;
  const gate = creditGate(ctx.state, ctx.team);
  if (gate) return gate;
  if (job.status === "PENDING") {
    job.status = "IN_PROGRESS";
    job.startedAt = Date.now();
  }
  const body = bodyOf(ctx);
  const resolved = resolveModel(ctx.state, ctx.team, String(body.model));
  if ("denied" in resolved) return detailResponse(403, resolved.denied);
  if (typeof body.purpose === "string" && body.purpose.length > 200) return internalServerError();
  const { call, text } = recordCall(ctx.state, job, body, resolved.provider, "llm-call");
  const callMetadata = body.call_metadata as Record<string, unknown> | null | undefined;
  if (callMetadata) job.metadata = { ...(job.metadata ?? {}), ...callMetadata };
  return jsonResponse(200, {
    call_id: call.callId,
    response: { content: text, finish_reason: FINISH_REASON[resolved.provider] },
    metadata: { tokens_used: call.promptTokens + call.completionTokens, latency_ms: call.latencyMs, model: call.model },
  });
};

/** E5: one request creates, calls, completes and charges. A model 403 leaves a FAILED job whose id is never returned. */
export const createAndCall: Handler = (ctx) => {
  const opened = openSingleCallJob(ctx, "createAndCall");
  if (opened instanceof Response) return opened;
  const { job, body, resolved } = opened;
  const { call, text } = recordCall(ctx.state, job, body, resolved.provider, "create-and-call");
  finishJob(job, "COMPLETED");
  chargeCompletion(ctx.state, ctx.team, job);
  return jsonResponse(200, {
    job_id: job.jobId,
    status: job.status,
    response: { content: text, finish_reason: FINISH_REASON[resolved.provider] },
    metadata: { tokens_used: call.promptTokens + call.completionTokens, latency_ms: call.latencyMs, model: call.model },
    costs: jobCosts(job, ctx.team),
    completed_at: stamp(ctx.state.preset, "a", job.completedAt ?? Date.now()),
  });
};

/**
 * What E5 and E6 do before the provider is called: validate, check the team, (documented) the credit gate,
 * insert the job IN_PROGRESS and resolve the model. A model 403 leaves the job FAILED (§7.1).
 */
export function openSingleCallJob(ctx: HandlerContext, createdBy: "createAndCall" | "streamCreateAndCall") {
  const errors = validateBody(ctx.body, SINGLE_CALL_FIELDS);
  if (errors.length) return detailResponse(422, errors);
  const body = bodyOf(ctx);
  if (body.team_id !== ctx.team.teamId) return detailResponse(403, `API key does not belong to team '${String(body.team_id)}'`);
  if (tooLong(body)) return internalServerError();
  const gate = creditGate(ctx.state, ctx.team);
  if (gate) return gate;
  const job = insertJob(ctx.state, ctx.team, {
    jobType: String(body.job_type),
    userId: (body.user_id as string | null | undefined) ?? null,
    metadata: (body.job_metadata as Record<string, unknown> | undefined) ?? {},
    status: "IN_PROGRESS",
    createdBy,
  });
  const resolved = resolveModel(ctx.state, ctx.team, String(body.model));
  if ("denied" in resolved) {
    job.status = "FAILED";
    job.errorMessage = resolved.denied;
    return detailResponse(403, resolved.denied);
  }
  return { job, body, resolved };
}

/** DB column limits that crash upstream with a plain-text 500 (§5.1 X1). */
export function tooLong(body: Record<string, unknown>): boolean {
  const len = (v: unknown): number => (typeof v === "string" ? v.length : 0);
  return len(body.job_type) > 100 || len(body.user_id) > 255 || len(body.purpose) > 200;
}
