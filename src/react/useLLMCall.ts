import { useMutation } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { afterCall } from "../core/calls/afterCall";
import type { AnswerOutcome } from "../core/calls/answerOutcome";
import { answerLost, attemptPlainCall, newPlainCall, settlePlainCall, type LLMCallData, type PlainCall, type PlainCallOptions } from "../core/calls/plainCall";
import type { SaaSLLMError } from "../core/SaaSLLMError";
import { verdictOf } from "../core/transport";
import type { ChatMessage } from "../core/types";
import { shouldThrow, type ThrowOnError } from "./hooks/shouldThrow";
import { useLatest } from "./hooks/useLatest";
import { useSaaSLLMContext } from "./SaaSLLMProvider";
import type { UseLLMCallResult } from "./useLLMCallResult";

export type { LLMCallData } from "../core/calls/plainCall";
export type { UseLLMCallResult } from "./useLLMCallResult";

export interface UseLLMCallOptions extends PlainCallOptions {
  throwOnError?: ThrowOnError;
  onSuccess?: (data: LLMCallData) => void;
  onError?: (error: SaaSLLMError) => void;
}

/**
 * One LLM call as a react-query mutation: each attempt is one request of the core call engine, and
 * react-query's retryer runs the retries the client's one policy allows (`decideRetry`: never
 * 400/401/403/404/422, never a create-and-call that timed out, the client's `retry` options hold).
 * A create-and-call whose answer was lost (timeout, cut, cancel) is settled, not re-sent: `outcome` says
 * whether the server charged it, and only `sendAgain()` sends it again.
 *
 * @example
 * const summarize = useLLMCall({ model: "chat-fast" });
 * <button onClick={() => summarize.call("Summarize: ...")}>Summarize</button>
 * {summarize.retrying && <StreamStatus status="retrying" retrying={summarize.retrying} />}
 */
export function useLLMCall(options: UseLLMCallOptions): UseLLMCallResult {
  const { client } = useSaaSLLMContext();
  const latest = useLatest(options);
  const current = useRef<PlainCall | null>(null);
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const [nextRetryAt, setNextRetryAt] = useState<number | null>(null);
  const mutation = useMutation<LLMCallData, SaaSLLMError, PlainCall>({
    mutationFn: (call) => attemptPlainCall(client, latest.current, call),
    // The transport decided on the attempt with the client's one policy; react-query only runs the wait.
    retry: (_, error) => verdictOf(error)?.retry === true,
    retryDelay: (_, error) => {
      const verdict = verdictOf(error);
      const delay = verdict?.retry ? verdict.delayMs : 0;
      setNextRetryAt(Date.now() + delay);
      return delay;
    },
    throwOnError: (error) => shouldThrow(latest.current.throwOnError, error),
    onSuccess: (data) => void (afterCall(client, latest.current.job, null), latest.current.onSuccess?.(data)),
    onError: (error, call) => {
      if (error.kind !== "aborted") latest.current.onError?.(error);
      // Only the latest call's outcome is shown: a superseded call still settles its job, silently.
      if (current.current === call && answerLost(latest.current, call, error)) setOutcome({ status: "checking" });
      void settlePlainCall(client, latest.current, call, error).then((settled) => settled && current.current === call && setOutcome(settled));
    },
    onSettled: () => setNextRetryAt(null),
  });
  const { mutateAsync, reset, variables, failureCount, isPending } = mutation;
  const call = useCallback(
    (input: string | ChatMessage[]): Promise<LLMCallData> => {
      const next = (current.current = newPlainCall(input, latest.current.maxRetries));
      setOutcome(null);
      const promise = mutateAsync(next);
      promise.catch(() => undefined); // the error also lives in state; no unhandled rejection if unawaited
      return promise;
    },
    [mutateAsync, latest],
  );
  const sendAgain = useCallback(() => (current.current ? call(current.current.input as string | ChatMessage[]) : Promise.reject(new Error("Nothing was sent yet"))), [call]);
  // react-query keeps a paused (offline) mutation and resumes it on reconnect even after reset(): abort it first.
  const cancel = useCallback(() => (current.current?.abort.abort(), reset()), [reset]);
  const waitingAt = isPending && failureCount > 0 ? nextRetryAt : null;
  const maxAttempts = variables?.attempts.maxAttempts ?? 0;
  const retrying = useMemo(() => (waitingAt === null ? null : { attempt: failureCount + 1, maxAttempts, nextRetryAt: waitingAt }), [waitingAt, failureCount, maxAttempts]);
  const { data, error, status, isSuccess, isError, isPaused, failureReason } = mutation;
  // One object per change of what it shows: safe in effect dependencies.
  return useMemo(
    () => ({ call, data, error, status, isPending, isSuccess, isError, failureCount, failureReason, nextRetryAt: waitingAt, retrying, offline: isPaused, outcome, sendAgain, cancel, reset }),
    [call, data, error, status, isPending, isSuccess, isError, isPaused, failureCount, failureReason, waitingAt, retrying, outcome, sendAgain, cancel, reset],
  );
}
