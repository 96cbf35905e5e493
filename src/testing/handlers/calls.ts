/** Non-streaming calls: E3 llm-call inside a job, E5 create-and-call. */
import type { Handler } from "../context";
import { chargeCompletion, jobCosts } from "../ledger";
import { finishJob, recordCall } from "../modelCall";
import { callProviderPlain } from "../provider";
import { detailResponse, jsonResponse } from "../responses";
import { FINISH_REASON } from "../sse";
import { stamp } from "../time";
import { openJobCall, openSingleCallJob } from "./openCall";

/** E3: a call inside a job. A provider failure (after the server's retries) is a recorded failed call and a 500. */
export const llmCall: Handler = async (ctx) => {
  const opened = openJobCall(ctx);
  if (opened instanceof Response) return opened;
  const { job, body, resolved } = opened;
  const provider = await callProviderPlain(ctx.state, resolved.provider, String(body.model), ctx.signal);
  if (!provider.ok) {
    recordCall(ctx.state, job, body, resolved.provider, "llm-call", { reply: "", error: provider.reason });
    return detailResponse(500, `LLM call failed: ${provider.reason}`);
  }
  const { call, text } = recordCall(ctx.state, job, body, resolved.provider, "llm-call");
  const callMetadata = body.call_metadata as Record<string, unknown> | null | undefined;
  if (callMetadata) job.metadata = { ...(job.metadata ?? {}), ...callMetadata };
  return jsonResponse(200, {
    call_id: call.callId,
    response: { content: text, finish_reason: FINISH_REASON[resolved.provider] },
    metadata: { tokens_used: call.promptTokens + call.completionTokens, latency_ms: call.latencyMs, model: call.model },
  });
};

/**
 * E5: one request creates, calls, completes and charges. A model 403 or a provider failure leaves a FAILED
 * job whose id is never returned.
 */
export const createAndCall: Handler = async (ctx) => {
  const opened = openSingleCallJob(ctx, "createAndCall");
  if (opened instanceof Response) return opened;
  const { job, body, resolved } = opened;
  const provider = await callProviderPlain(ctx.state, resolved.provider, String(body.model), ctx.signal);
  if (!provider.ok) {
    recordCall(ctx.state, job, body, resolved.provider, "create-and-call", { reply: "", error: provider.reason });
    finishJob(job, "FAILED", provider.reason);
    return detailResponse(500, `LLM call failed: ${provider.reason}`);
  }
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
