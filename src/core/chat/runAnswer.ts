import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { isJobHandle } from "../jobs/jobHandle";
import { isSaaSLLMError, SaaSLLMError } from "../SaaSLLMError";
import type { StreamCallOptions } from "../streamChat";
import { withSystem } from "../calls/callMessages";
import { answerTiming } from "./answerTiming";
import type { ChatOutcome } from "./chatReducer";
import type { ChatEngineOptions } from "./chatTypes";
import type { AnswerRequest } from "./plannedAnswer";
import type { TextBuffer } from "./textBuffer";

/** What the runner gives a run: the stream's own hooks (`onOpen`, `onRetry`, the offline wait) and where its text goes. */
interface RunHooks extends Pick<StreamCallOptions, "onOpen" | "onRetry" | "online"> {
  signal: AbortSignal;
  clientRequestId: string | null;
  /** Where the text goes (the runner's: it publishes it once per frame, and at once before a stop). */
  text: TextBuffer;
  /** The live `onToken` option, read once per network read. */
  tokenListener(): ((delta: string) => void) | undefined;
}

/**
 * Streams one answer into `hooks.text` and resolves with how it ended (never rejects); the outcome carries every
 * character received.
 */
export async function runAnswer(client: SaaSLLMClient, options: ChatEngineOptions, answer: AnswerRequest, hooks: RunHooks): Promise<ChatOutcome> {
  const { text: buffer } = hooks;
  const startedAt = Date.now();
  let firstTextAt: number | null = null;
  // Once per network read, not per delta: a read of one write can carry thousands of deltas.
  const onText = (deltas: readonly string[]) => {
    if (hooks.signal.aborted) return;
    firstTextAt ??= Date.now();
    const onToken = hooks.tokenListener();
    if (!onToken) return buffer.push(deltas.length === 1 ? (deltas[0] as string) : deltas.join(""), deltas.length);
    for (const delta of deltas) {
      // An onToken that stops the answer ends it at that delta, as when deltas came one call each.
      if (hooks.signal.aborted) break;
      buffer.push(delta, 1);
      onToken(delta);
    }
  };
  const messages = withSystem(options.system, answer.request);
  const body = { ...options.params, model: options.model, messages };
  // The stream reads only its own options of `hooks`.
  const callOptions = { ...hooks, onText, retry: options.retry ?? true };
  const { job } = options;
  try {
    const jobId = isJobHandle(job) ? await job.ensureJob() : job;
    const result = jobId
      ? await client.streamLLMCall(jobId, body, callOptions)
      : await client.streamCreateAndCall({ ...body, job_type: options.jobType ?? "chat", user_id: options.userId, job_metadata: { ...options.jobMetadata, client_request_id: hooks.clientRequestId } }, callOptions);
    const timing = answerTiming(startedAt, firstTextAt, result.usage);
    return { kind: "done", ...buffer.end(), usage: result.usage, finishReason: result.finishReason, jobId: result.jobId ?? jobId ?? null, timing };
  } catch (raw) {
    const error = isSaaSLLMError(raw) ? raw : new SaaSLLMError({ kind: "bad_response", message: "The stream failed unexpectedly", cause: raw });
    const ended = buffer.end();
    return { kind: "failed", error: error.with({ partialText: ended.text }), ...ended, timing: answerTiming(startedAt, firstTextAt, null) };
  }
}
