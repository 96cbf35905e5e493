import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { isJobHandle } from "../jobs/jobHandle";
import type { SaaSLLMError } from "../SaaSLLMError";
import type { ChatOutcome } from "./chatReducer";
import type { ChatEngineOptions } from "./chatTypes";
import { reasonOfError, reasonOfFinish } from "./unfinishedReason";

/** Completes an in-job answer's job (given by id) as failed. Never throws; the client sends it at most once. */
export function failJob(client: SaaSLLMClient, jobId: string, error: SaaSLLMError): Promise<unknown> {
  const message = error.kind === "aborted" ? "Stream abandoned by the client" : `${error.kind}: ${error.message}`;
  return client.completeJob(jobId, { status: "failed", error_message: message.slice(0, 900) }).catch(() => undefined);
}

/**
 * Effects of an ended answer: the in-job bookkeeping and the callbacks (read live from `latest`).
 * Single-shot jobs are closed by the client itself.
 */
export function afterAnswer(client: SaaSLLMClient, options: ChatEngineOptions, latest: ChatEngineOptions, outcome: ChatOutcome): void {
  const { job } = options;
  if (outcome.kind === "done") {
    if (isJobHandle(job)) job.reportCallSuccess();
    return void latest.onFinish?.({ text: outcome.text, isAbort: false, isDisconnect: false, isError: false, isInterrupted: false, error: null, reason: reasonOfFinish(outcome.finishReason), timing: outcome.timing ?? null });
  }
  const { error, text } = outcome;
  const aborted = error.kind === "aborted";
  const interrupted = error.kind === "stream_interrupted";
  if (!aborted && isJobHandle(job)) job.reportCallError(error);
  // A stopped in-job answer leaves the job to its owner; a failed one is closed as failed.
  if (!aborted && typeof job === "string" && options.autoFailJob !== false) void failJob(client, job, error);
  if (!aborted) latest.onError?.(error);
  latest.onFinish?.({ text, isAbort: aborted, isDisconnect: interrupted, isError: !aborted && !interrupted, isInterrupted: interrupted, error: aborted ? null : error, reason: outcome.reason ?? reasonOfError(error), timing: outcome.timing ?? null });
}
