import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { closeReasonOf } from "../jobs/closeReason";
import { isJobHandle } from "../jobs/jobHandle";
import type { SaaSLLMError } from "../SaaSLLMError";
import type { ChatOutcome } from "./chatReducer";
import type { ChatEngineOptions } from "./chatTypes";
import { reasonOfOutcome } from "./unfinishedReason";

/** Completes an in-job answer's job (given by id) as failed. Never throws; the client sends it at most once. */
export function failJob(client: Pick<SaaSLLMClient, "completeJob">, jobId: string, error: SaaSLLMError): Promise<unknown> {
  return client.completeJob(jobId, { status: "failed", error_message: closeReasonOf(error) }).catch(() => undefined);
}

/**
 * Effects of an ended answer: the in-job bookkeeping and the callbacks (read live from `latest`).
 * Single-shot jobs are closed by the client itself.
 */
export function afterAnswer(client: SaaSLLMClient, options: ChatEngineOptions, latest: ChatEngineOptions, outcome: ChatOutcome): void {
  const { job } = options;
  const error = outcome.kind === "failed" ? outcome.error : null;
  const aborted = error?.kind === "aborted";
  const interrupted = error?.kind === "stream_interrupted";
  if (!error) {
    if (isJobHandle(job)) job.reportCallSuccess();
  } else if (!aborted) {
    if (isJobHandle(job)) job.reportCallError(error);
    // A stopped in-job answer leaves the job to its owner; a failed one is closed as failed.
    if (typeof job === "string" && options.autoFailJob !== false) void failJob(client, job, error);
    latest.onError?.(error);
  }
  latest.onFinish?.({ text: outcome.text, isAbort: aborted, isDisconnect: interrupted, isError: error !== null && !aborted && !interrupted, isInterrupted: interrupted, error: aborted ? null : error, reason: reasonOfOutcome(outcome), timing: outcome.timing ?? null });
}
