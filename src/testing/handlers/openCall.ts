/** The checks E3/E4 and E5/E6 share before the provider is called, in the upstream's order (§4). */
import { bodyOf, loadJob, type HandlerContext } from "../context";
import { creditGate, insertJob, resolveModel } from "../modelCall";
import { detailResponse, internalServerError } from "../responses";
import { LLM_CALL_FIELDS, SINGLE_CALL_FIELDS } from "../schemas";
import { validateBody } from "../validation";

/** E3 and E4: PENDING→IN_PROGRESS happens before the model check, so a 403 still starts the job (§7.1). */
export function openJobCall(ctx: HandlerContext) {
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
  return { job, body, resolved };
}

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
    job.completedAt = Date.now();
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
