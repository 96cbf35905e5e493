/** Streaming calls: E4 llm-call-stream and E6 create-and-call-stream (§6). */
import { CONTEXT_MANAGER_ERROR } from "../constants";
import { bodyOf, type Handler, type HandlerContext } from "../context";
import { chargeCompletion } from "../ledger";
import { finishJob, recordCall } from "../modelCall";
import { callProviderStream } from "../provider";
import { countPromptTokens, replyFor, tokenize } from "../reply";
import { providerEvents } from "../sse";
import { createSseBody, SSE_HEADERS } from "../sseBody";
import { planStream, type PlanOutcome } from "../streamPlan";
import type { SimProvider } from "../types";
import { openJobCall, openSingleCallJob } from "./openCall";

type EndOutcome = PlanOutcome | { kind: "aborted"; generatingMs: number; planned: PlanOutcome };

/**
 * E6. Headers and `: keepalive` go out first; the job is completed and charged after the end marker was
 * written. A provider failure is one error event and a FAILED job. A scripted cut or a reset leaves the job
 * IN_PROGRESS with no call (§6.4). A client abort does too with `abortedStreamJob: "open"`; by default, as the
 * upstream's locked server (upstream-behaviour §5), the generation runs to its end and the job is then completed
 * and charged, overwriting a close the client sent meanwhile.
 */
export const streamCreateAndCall: Handler = (ctx) => {
  const opened = openSingleCallJob(ctx, "streamCreateAndCall");
  if (opened instanceof Response) return opened;
  const { job, body, resolved } = opened;
  // The job id is a documented extra; upstream sends it nowhere (§6.3).
  const extra: Record<string, string> = ctx.state.preset === "documented" ? { "x-job-id": job.jobId } : {};
  const completesOnAbort = ctx.state.options.abortedStreamJob !== "open";
  const complete = (reply: string) => {
    recordCall(ctx.state, job, body, resolved.provider, "stream", { reply });
    finishJob(job, "COMPLETED");
    chargeCompletion(ctx.state, ctx.team, job);
  };
  return streamReply(ctx, resolved.provider, true, false, extra, (outcome, reply) => {
    if (outcome.kind === "completed") complete(reply);
    // What the server would have sent had the client stayed: only a full answer is completed and charged.
    else if (outcome.kind === "aborted" && completesOnAbort && outcome.planned.kind === "completed") setTimeout(() => complete(reply), outcome.generatingMs);
    else if (outcome.kind === "failed") {
      recordCall(ctx.state, job, body, resolved.provider, "stream", { reply, error: outcome.message });
      finishJob(job, "FAILED", outcome.message);
    }
  });
};

/** E4: same checks as E3, then a stream that never changes the job's status. Broken upstream (§6.5). */
export const streamLLMCall: Handler = (ctx) => {
  const opened = openJobCall(ctx);
  if (opened instanceof Response) return opened;
  const { job, body, resolved } = opened;
  const broken = ctx.state.options.brokenLlmCallStream ?? ctx.state.preset === "upstream";
  return streamReply(ctx, resolved.provider, false, broken, {}, (outcome, reply) => {
    if (outcome.kind === "completed") recordCall(ctx.state, job, body, resolved.provider, "stream", { reply });
    if (outcome.kind === "failed") recordCall(ctx.state, job, body, resolved.provider, "stream", { reply, error: outcome.message });
  });
};

function streamReply(
  ctx: HandlerContext,
  provider: SimProvider,
  keepaliveFirst: boolean,
  broken: boolean,
  extraHeaders: Record<string, string>,
  onEnd: (outcome: EndOutcome, reply: string) => void,
): Response {
  const body = bodyOf(ctx);
  const messages = (body.messages as unknown[] | undefined) ?? [];
  const reply = replyFor(ctx.state.options, messages);
  const events = providerEvents(provider, tokenize(reply), ctx.state.rng, countPromptTokens(messages));
  const fault = ctx.streamFault ?? {};
  const answer = callProviderStream(ctx.state, provider, String(body.model));
  // E4's broken context manager fails only once the provider has answered (§6.5).
  const serverError = broken && !answer.failure ? CONTEXT_MANAGER_ERROR : undefined;
  const live = ctx.state.delivery === "live";
  const plan = planStream(events, fault, { keepaliveFirst, serverError, providerFailure: answer.failure, upstream: ctx.state.preset === "upstream", live });
  const stream = createSseBody(plan, {
    tokenDelayMs: fault.tokenDelayMs ?? answer.tokenDelayMs,
    buffered: !live,
    splitBytes: fault.splitBytes,
    cutAfterBytes: fault.cutAfterBytes,
    signal: ctx.signal,
    onEnd: (outcome) => onEnd(outcome, outcome.kind === "failed" && answer.failure ? "" : reply),
  });
  return new Response(stream, { status: 200, headers: { ...SSE_HEADERS, ...extraHeaders } });
}
