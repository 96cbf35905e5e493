import { useMutation } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { afterCall } from "../core/calls/afterCall";
import type { AnswerOutcome } from "../core/calls/answerOutcome";
import { attemptPlainCall, newPlainCall, settlePlainCall, type LLMCallData, type PlainCall, type PlainCallOptions } from "../core/calls/plainCall";
import type { SaaSLLMError } from "../core/SaaSLLMError";
import { verdictOf, type RetryWait } from "../core/transport";
import type { ChatMessage } from "../core/types";
import { shouldThrow, type ThrowOnError } from "./hooks/shouldThrow";
import { useLatest } from "./hooks/useLatest";
import { useSaaSLLMContext } from "./SaaSLLMProvider";

export type { LLMCallData } from "../core/calls/plainCall";

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
export function useLLMCall(options: UseLLMCallOptions) {
  const { client } = useSaaSLLMContext();
  const latest = useLatest(options);
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const [nextRetryAt, setNextRetryAt] = useState<number | null>(null);
  const mutation = useMutation<LLMCallData, SaaSLLMError, PlainCall>({
    mutationFn: (call) => attemptPlainCall(client, latest.current, call),
    retry: (_, error) => verdictOf(error)?.retry === true,
    retryDelay: (_, error) => {
      const verdict = verdictOf(error);
      const delay = verdict?.retry ? verdict.delayMs : 0;
      setNextRetryAt(Date.now() + delay);
      return delay;
    },
    throwOnError: (error) => shouldThrow(latest.current.throwOnError, error),
    onSuccess: (data) => {
      void afterCall(client, latest.current.job, null);
      latest.current.onSuccess?.(data);
    },
    onError: (error, call) => {
      if (error.kind !== "aborted") latest.current.onError?.(error);
      void settlePlainCall(client, latest.current, call, error).then((settled) => settled && current.current === call && setOutcome(settled));
    },
    onSettled: () => setNextRetryAt(null),
  });
  const { mutateAsync, reset, variables, failureCount } = mutation;
  const current = useRef<PlainCall | null>(null);
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
  /** Sends the last prompt again as a new call: the user's choice after a lost answer that may have been charged. */
  const sendAgain = useCallback(() => (current.current ? call(current.current.input as string | ChatMessage[]) : Promise.reject(new Error("Nothing was sent yet"))), [call]);
  // react-query keeps a paused (offline) mutation and resumes it on reconnect even after reset(): abort it first.
  const cancel = useCallback(() => {
    current.current?.abort.abort();
    reset();
  }, [reset]);
  const waitingAt = mutation.isPending && failureCount > 0 ? nextRetryAt : null;
  const maxAttempts = variables ? variables.attempts.maxAttempts : 0;
  const retrying = useMemo<RetryWait | null>(() => (waitingAt === null ? null : { attempt: failureCount + 1, maxAttempts, nextRetryAt: waitingAt }), [waitingAt, failureCount, maxAttempts]);
  const { data, error, status, isPending, isSuccess, isError, isPaused, failureReason } = mutation;
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
      /** The call (or its next retry) is held while react-query's `onlineManager` says offline; `cancel()` drops it. */
      offline: isPaused,
      /** What the server did with a create-and-call whose answer was lost (`checking`, `charged`, `not_charged`, `unknown`). */
      outcome,
      sendAgain,
      /** Stops the current call: one held offline is never sent, a running one is aborted; the state goes back to idle. */
      cancel,
      reset,
    }),
    [call, data, error, status, isPending, isSuccess, isError, isPaused, failureCount, failureReason, waitingAt, retrying, outcome, sendAgain, cancel, reset],
  );
}

export type UseLLMCallResult = ReturnType<typeof useLLMCall>;
