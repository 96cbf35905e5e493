import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { failJob } from "../jobs/failJob";
import { isJobHandle } from "../jobs/jobHandle";
import type { ChatOutcome } from "./chatReducer";
import type { ChatEngineOptions } from "./chatTypes";
import { reasonOfOutcome } from "./unfinishedReason";


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
