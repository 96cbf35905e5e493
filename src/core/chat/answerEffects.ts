import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { afterCall } from "../calls/afterCall";
import type { ChatOutcome } from "./chatReducer";
import type { ChatEngineOptions } from "./chatTypes";
import { reasonOfOutcome } from "./unfinishedReason";


/**
 * Effects of an ended answer: the in-job bookkeeping and the callbacks (read live from `latest`).
 * Single-shot jobs are closed by the client itself.
 */
export function afterAnswer(client: SaaSLLMClient, options: ChatEngineOptions, latest: ChatEngineOptions, outcome: ChatOutcome): void {
  const error = outcome.kind === "failed" ? outcome.error : null;
  const aborted = error?.kind === "aborted";
  const interrupted = error?.kind === "stream_interrupted";
  void afterCall(client, options.job, error, options.autoFailJob);
  if (error && !aborted) latest.onError?.(error);
  latest.onFinish?.({ text: outcome.text, isAbort: aborted, isDisconnect: interrupted, isError: error !== null && !aborted && !interrupted, isInterrupted: interrupted, error: aborted ? null : error, reason: reasonOfOutcome(outcome), timing: outcome.timing ?? null });
}
