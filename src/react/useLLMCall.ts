import { useMutation } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { randomId } from "../core/abortable";
import { abortError } from "../core/errorFactories";
import { retryDelay as policyDelay, shouldRetry } from "../core/retry";
import type { SaaSLLMClient } from "../core/createSaaSLLMClient";
import { isSaaSLLMError, type SaaSLLMError } from "../core/SaaSLLMError";
import type { RetryWait } from "../core/transport";
import type { ChatMessage, JsonObject, LLMParams } from "../core/types";
import { promptMessages } from "../core/chat/promptMessages";
import { answerTiming, type AnswerTiming } from "../core/chat/answerTiming";
import { shouldThrow, type ThrowOnError } from "./hooks/shouldThrow";
import { useLatest } from "./hooks/useLatest";
import { isJobHandle, type JobRef } from "./jobHandle";
import { useSaaSLLMContext } from "./SaaSLLMProvider";

export interface UseLLMCallOptions {
  model: string;
  /** Call inside this job (a job id or a `useJob` handle). Leave out for create-and-call (one job per call). */
  job?: JobRef;
  /** create-and-call: the job type. @default "chat" */
  jobType?: string;
  jobMetadata?: JsonObject;
  /** Prepended as a system message. */
  system?: string;
  params?: Omit<LLMParams, "model" | "messages">;
  /** Retries after the first attempt for retryable failures (429, 5xx, network, timeout). 0 turns them off. @default 3 */
  maxRetries?: number;
  throwOnError?: ThrowOnError;
  onSuccess?: (data: LLMCallData) => void;
  onError?: (error: SaaSLLMError) => void;
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
   * `firstTokenMs` equals `durationMs`; `tokens` is the server's `tokens_used` (prompt and completion: a plain
   * call reports no split), and `tokensPerSecond` divides it by the whole wait.
   */
  timing: AnswerTiming;
}

interface Variables {
  /** The prompt as given: checked (and turned into messages) inside the mutation, so bad input is an error state. */
  input: unknown;
  idempotencyKey: string;
  /** Shared by every attempt of one call (react-query passes the same variables to each). */
  attempts: { count: number };
  /** When the call began (ms since epoch), for its timing. */
  startedAt: number;
  /** `cancel()`: a call held offline is never sent, a running one is aborted. */
  abort: AbortController;
}

/** A plain call's answer arrives whole: the wait for the first token is the wait for all of it. */
function wholeAnswerTiming(startedAt: number, tokens: number): AnswerTiming {
  const timing = answerTiming(startedAt, null, { completion_tokens: tokens });
  return { ...timing, firstTokenMs: timing.durationMs };
}

/** One attempt of a call: create-and-call, or a call inside the job (created on demand for a handle). */
async function runCall(client: SaaSLLMClient, o: UseLLMCallOptions, { input, idempotencyKey, attempts, startedAt, abort }: Variables): Promise<LLMCallData> {
  if (abort.signal.aborted) throw abortError({ endpoint: o.job === undefined ? "createAndCall" : "llmCall" });
  const attempt = ++attempts.count;
  const messages = promptMessages(input, o.job === undefined ? "createAndCall" : "llmCall");
  const full = o.system ? [{ role: "system", content: o.system }, ...messages] : messages;
  const callOptions = { retry: false, idempotencyKey, signal: abort.signal };
  if (o.job === undefined) {
    const r = await client.createAndCall({ ...o.params, model: o.model, messages: full, job_type: o.jobType ?? "chat", job_metadata: o.jobMetadata }, callOptions);
    return { content: r.response.content, finishReason: r.response.finish_reason, tokensUsed: r.metadata.tokens_used, latencyMs: r.metadata.latency_ms, model: r.metadata.model, jobId: r.job_id, callId: null, attempts: attempt, timing: wholeAnswerTiming(startedAt, r.metadata.tokens_used) };
  }
  const jobId = isJobHandle(o.job) ? await o.job.ensureJob() : o.job;
  const r = await client.llmCall(jobId, { ...o.params, model: o.model, messages: full }, callOptions);
  return { content: r.response.content, finishReason: r.response.finish_reason, tokensUsed: r.metadata.tokens_used, latencyMs: r.metadata.latency_ms, model: r.metadata.model, jobId, callId: r.call_id, attempts: attempt, timing: wholeAnswerTiming(startedAt, r.metadata.tokens_used) };
}

/**
 * One LLM call as a react-query mutation, retried by the API's policy (never 400/401/403/404/422).
 * `retrying` (`{ attempt, maxAttempts, nextRetryAt }`) lets a UI say "Retrying in 2 s (2 of 4)", e.g. with
 * `<StreamStatus status={llm.retrying ? "retrying" : "connecting"} retrying={llm.retrying} />`; `data.attempts` says how many it took.
 *
 * @example
 * const summarize = useLLMCall({ model: "chat-fast" });
 * const data = await summarize.call("Summarize: ...");
 * {summarize.nextRetryAt !== null && <p>Retrying (attempt {summarize.failureCount + 1})…</p>}
 */
export function useLLMCall(options: UseLLMCallOptions) {
  const { client } = useSaaSLLMContext();
  const latest = useLatest(options);
  const [nextRetryAt, setNextRetryAt] = useState<number | null>(null);

  const mutation = useMutation<LLMCallData, SaaSLLMError, Variables>({
    mutationFn: (variables) => runCall(client, latest.current, variables),
    retry: (failureCount, error) => shouldRetry(failureCount, error, { maxRetries: latest.current.maxRetries ?? 3 }),
    retryDelay: (attempt, error) => {
      const delay = policyDelay(attempt, error);
      setNextRetryAt(Date.now() + delay);
      return delay;
    },
    throwOnError: (error) => shouldThrow(latest.current.throwOnError, error),
    onSuccess: (data) => {
      setNextRetryAt(null);
      const job = latest.current.job;
      if (isJobHandle(job)) job.reportCallSuccess();
      latest.current.onSuccess?.(data);
    },
    onError: (error) => {
      setNextRetryAt(null);
      // A cancelled call is the app's own doing, not a failure to report.
      if (error.kind === "aborted") return;
      const job = latest.current.job;
      if (isJobHandle(job) && isSaaSLLMError(error)) job.reportCallError(error);
      latest.current.onError?.(error);
    },
  });

  const { mutateAsync, reset } = mutation;
  const waitingAt = mutation.isPending && mutation.failureCount > 0 ? nextRetryAt : null;
  const maxAttempts = (options.maxRetries ?? 3) + 1;
  const retrying = useMemo<RetryWait | null>(
    () => (waitingAt === null ? null : { attempt: mutation.failureCount + 1, maxAttempts, nextRetryAt: waitingAt }),
    [waitingAt, mutation.failureCount, maxAttempts],
  );
  // The current call's abort (written in handlers only).
  const current = useRef<AbortController | null>(null);
  const call = useCallback(
    (input: string | ChatMessage[]): Promise<LLMCallData> => {
      const abort = (current.current = new AbortController());
      // One idempotency key per logical call, the same on every retry. Bad input fails in the mutation, before any request.
      const promise = mutateAsync({ input, idempotencyKey: randomId(), attempts: { count: 0 }, startedAt: Date.now(), abort });
      promise.catch(() => undefined); // the error also lives in state; no unhandled rejection if unawaited
      return promise;
    },
    [mutateAsync],
  );
  // react-query keeps a paused (offline) mutation and resumes it on reconnect even after reset(): mark it first.
  const cancel = useCallback(() => {
    current.current?.abort();
    reset();
  }, [reset]);

  const { data, error, status, isPending, isSuccess, isError, isPaused, failureCount, failureReason } = mutation;
  // One object per change of what it shows: safe in effect dependencies.
  return useMemo(
    () => ({
      call,
      data,
      error,
      status,
      isPending,
      isSuccess,
      isError,
      /** Failed attempts of the current call so far. */
      failureCount,
      /** The last attempt's error while retrying. */
      failureReason,
      /** When the next retry fires (ms since epoch), while waiting for it. */
      nextRetryAt: waitingAt,
      /** While waiting for a retry: the attempt that comes next, of how many, and when (the shape `StreamStatus` counts down). */
      retrying,
      /**
       * The call (or its next retry) is held while react-query's `onlineManager` says offline: it goes out when
       * the network is back, never fails for being offline. `cancel()` drops it.
       */
      offline: isPaused,
      /** Stops the current call: one held offline is never sent, a running one is aborted; the state goes back to idle. */
      cancel,
      reset,
    }),
    [call, data, error, status, isPending, isSuccess, isError, isPaused, failureCount, failureReason, waitingAt, retrying, cancel, reset],
  );
}

export type UseLLMCallResult = ReturnType<typeof useLLMCall>;
