/** Non-streaming calls: E3 llm-call inside a job, E5 create-and-call. */
import type { Handler } from "../context";
import { chargeCompletion, jobCosts } from "../ledger";
import { finishJob, recordCall } from "../modelCall";
import { jsonResponse } from "../responses";
import { FINISH_REASON } from "../sse";
import { stamp } from "../time";
import { openJobCall, openSingleCallJob } from "./openCall";

/** E3: a call inside a job. */
export const llmCall: Handler = (ctx) => {
  const opened = openJobCall(ctx);
  if (opened instanceof Response) return opened;
  const { job, body, resolved } = opened;
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
