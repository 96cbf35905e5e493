import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { isJobHandle } from "../jobs/jobHandle";
import { isSaaSLLMError, SaaSLLMError } from "../SaaSLLMError";
import type { RetryWait } from "../transport";
import type { OnlineWindow } from "../onlineSource";
import type { ChatMessage } from "../types";
import { withSystem } from "../calls/callMessages";
import { answerTiming } from "./answerTiming";
import type { ChatOutcome } from "./chatReducer";
import type { ChatEngineOptions } from "./chatTypes";
import { createFlushScheduler } from "./frameScheduler";

export interface AnswerRequest {
  /** What is sent (the conversation, plus the partial answer and a continue prompt when continuing). */
  request: ChatMessage[];
  /** Text the answer starts from. */
  base: string;
}

interface RunHooks {
  signal: AbortSignal;
  clientRequestId: string | null;
  onOpen(jobId: string | null): void;
  /** An attempt failed before any text and another one is due. */
  onWait(wait: RetryWait): void;
  /** The text so far, at most once per frame (or `throttleMs`). */
  onText(text: string, chunkCount: number): void;
  /** The live `onToken` option, read once per network read. */
  tokenListener(): ((delta: string) => void) | undefined;
  /** Receives a function that publishes pending text now (before a stop). */
  bindFlush(flush: () => void): void;
  /** While offline, a due retry waits for the network (up to the window). */
  online?: OnlineWindow;
}

/**
 * Streams one answer and resolves with how it ended (never rejects). Text is batched to one `onText`
 * per frame and flushed before the outcome, so the outcome carries every character received.
 */
export async function runAnswer(client: SaaSLLMClient, options: ChatEngineOptions, answer: AnswerRequest, hooks: RunHooks): Promise<ChatOutcome> {
  let text = answer.base;
  let pending: string[] = [];
  let chunkCount = 0;
  const startedAt = Date.now();
  let firstTextAt: number | null = null;
  const take = () => {
    if (pending.length) text += pending.join("");
    pending = [];
    return text;
  };
  const scheduler = createFlushScheduler(() => hooks.onText(take(), chunkCount), options.throttleMs);
  hooks.bindFlush(() => pending.length > 0 && scheduler.flushNow());
  // Once per network read, not per delta: a read of one write can carry thousands of deltas.
  const onText = (deltas: readonly string[]) => {
    if (hooks.signal.aborted) return;
    firstTextAt ??= Date.now();
    const onToken = hooks.tokenListener();
    if (!onToken) {
      pending.push(deltas.length === 1 ? (deltas[0] as string) : deltas.join(""));
      chunkCount += deltas.length;
    } else {
      for (const delta of deltas) {
        // An onToken that stops the answer ends it at that delta, as when deltas came one call each.
        if (hooks.signal.aborted) break;
        pending.push(delta);
        chunkCount++;
        onToken(delta);
      }
    }
    scheduler.schedule();
  };
  const messages = withSystem(options.system, answer.request);
  const body = { ...options.params, model: options.model, messages };
  const callOptions = { signal: hooks.signal, onText, retry: options.retry ?? true, onOpen: ({ jobId }: { jobId: string | null }) => hooks.onOpen(jobId), onRetry: hooks.onWait, online: hooks.online };
  const { job } = options;
  try {
    const jobId = isJobHandle(job) ? await job.ensureJob() : job;
    const result = jobId
      ? await client.streamLLMCall(jobId, body, callOptions)
      : await client.streamCreateAndCall({ ...body, job_type: options.jobType ?? "chat", user_id: options.userId, job_metadata: { ...options.jobMetadata, client_request_id: hooks.clientRequestId } }, callOptions);
    scheduler.cancel();
    const timing = answerTiming(startedAt, firstTextAt, result.usage);
    return { kind: "done", text: take(), chunkCount, usage: result.usage, finishReason: result.finishReason, jobId: result.jobId ?? jobId ?? null, timing };
  } catch (raw) {
    scheduler.cancel();
    const error = isSaaSLLMError(raw) ? raw : new SaaSLLMError({ kind: "bad_response", message: "The stream failed unexpectedly", cause: raw });
    const partial = take();
    return { kind: "failed", error: error.with({ partialText: partial }), text: partial, chunkCount, timing: answerTiming(startedAt, firstTextAt, null) };
  }
}
