import { randomId } from "../abortable";
import type { SaaSLLMJobsClient } from "../createJobsClient";
import { isJobHandle, type JobRef } from "../jobs/jobHandle";
import { createAttempts, type CallAttempts } from "../transport";
import type { JsonObject, LLMParams } from "../types";
import { answerTiming, type AnswerTiming } from "../chat/answerTiming";
import { promptMessages } from "../chat/promptMessages";
import { SaaSLLMError } from "../SaaSLLMError";
import { afterCall } from "./afterCall";
import { reconcileAnswer, type AnswerOutcome } from "./answerOutcome";
import { withSystem } from "./callMessages";

/** What a plain call needs of a client (any composed client has it). */
export type PlainCallClient = Pick<SaaSLLMJobsClient, "createAndCall" | "llmCall" | "completeJob" | "reconcileCall">;

export interface PlainCallOptions {
  model: string;
  /** Call inside this job (a job id or a `useJob` handle). Leave out for create-and-call (one job per call). */
  job?: JobRef;
  /** create-and-call: the job type. @default "chat" */
  jobType?: string;
  jobMetadata?: JsonObject;
  /** Prepended as a system message. */
  system?: string;
  params?: Omit<LLMParams, "model" | "messages">;
  /** Lowers the client's retries for this call (429, 5xx, network). 0 turns them off. @default the client's (3) */
  maxRetries?: number;
  /** A job given by id is completed as `failed` when a call in it fails (as a chat answer's is). @default true */
  autoFailJob?: boolean;
}

/** The answer of one call, the same for in-job calls and create-and-call. */
export interface LLMCallData {
  content: string | null;
  finishReason: string | null;
  tokensUsed: number;
  latencyMs: number;
  model: string;
  jobId: string | null;
  callId: string | null;
  /** Attempts this answer took (1 when no retry was needed). */
  attempts: number;
  /**
   * From the call to its answer, retries and their waits included. A plain call's answer arrives whole, so
   * `firstTokenMs` equals `durationMs`; `tokens` is the server's `tokens_used`, and `tokensPerSecond` divides
   * it by the whole wait.
   */
  timing: AnswerTiming;
}

/** One user intent: the same ids, start time and attempt tally on every attempt, whoever retries it. */
export interface PlainCall {
  /** The prompt as given: checked (and turned into messages) in the first attempt, so bad input is an error state. */
  input: unknown;
  idempotencyKey: string;
  /** Tags a create-and-call's job, so the client can find it when the answer's fate is unknown. */
  clientRequestId: string;
  startedAt: number;
  /** Cancels the call: one held offline is never sent, a running one is aborted. */
  abort: AbortController;
  attempts: CallAttempts;
}

export const newPlainCall = (input: unknown, maxRetries?: number): PlainCall => ({ input, idempotencyKey: randomId(), clientRequestId: randomId(), startedAt: Date.now(), abort: new AbortController(), attempts: createAttempts(true, maxRetries) });

/** One attempt of a call: create-and-call, or a call inside the job (created on demand for a handle). */
export async function attemptPlainCall(client: PlainCallClient, o: PlainCallOptions, call: PlainCall): Promise<LLMCallData> {
  const endpoint = o.job === undefined ? "createAndCall" : "llmCall";
  // Cancelled while held (offline): react-query may still resume it, and it must send nothing, not even create a job.
  if (call.abort.signal.aborted) throw new SaaSLLMError({ kind: "aborted", message: "The call was cancelled before it was sent", endpoint });
  const messages = withSystem(o.system, promptMessages(call.input, endpoint));
  const opts = { idempotencyKey: call.idempotencyKey, signal: call.abort.signal, attempts: call.attempts };
  const data = (r: { response: { content: string | null; finish_reason: string | null }; metadata: { tokens_used: number; latency_ms: number; model: string } }, jobId: string, callId: string | null): LLMCallData => {
    const timing = answerTiming(call.startedAt, null, { completion_tokens: r.metadata.tokens_used });
    const { content, finish_reason } = r.response;
    return { content, finishReason: finish_reason, tokensUsed: r.metadata.tokens_used, latencyMs: r.metadata.latency_ms, model: r.metadata.model, jobId, callId, attempts: call.attempts.started, timing: { ...timing, firstTokenMs: timing.durationMs } };
  };
  if (o.job === undefined) {
    const job_metadata = { ...o.jobMetadata, client_request_id: call.clientRequestId };
    const r = await client.createAndCall({ ...o.params, model: o.model, messages, job_type: o.jobType ?? "chat", job_metadata }, opts);
    return data(r, r.job_id, null);
  }
  const jobId = isJobHandle(o.job) ? await o.job.ensureJob() : o.job;
  const r = await client.llmCall(jobId, { ...o.params, model: o.model, messages }, opts);
  return data(r, jobId, r.call_id);
}

/**
 * After a call failed for good (its retries are over): a job handle hears of it, a job given by id is closed
 * as failed (once, by the client's closer), and a create-and-call that was sent but not answered (a timeout,
 * a cut, a cancel) is settled: the server may still finish and charge it. Resolves with what the server did
 * (null when there is nothing to learn). Never throws.
 */
export async function settlePlainCall(client: PlainCallClient, o: PlainCallOptions, call: PlainCall, error: SaaSLLMError): Promise<AnswerOutcome | null> {
  if (o.job) return afterCall(client, o.job, error, o.autoFailJob), null;
  return answerLost(o, call, error) ? reconcileAnswer(client, call.clientRequestId, call.startedAt, error) : null;
}

/** A create-and-call that was sent and not answered (a timeout, a cut, a cancel): the server may still finish and charge it. */
export const answerLost = (o: PlainCallOptions, call: PlainCall, error: SaaSLLMError): boolean =>
  !o.job && call.attempts.started > 0 && (error.kind === "timeout" || error.kind === "aborted" || error.kind === "network");
