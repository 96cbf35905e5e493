import type { UseMutationResult } from "@tanstack/react-query";
import type { AnswerOutcome } from "../core/calls/answerOutcome";
import type { LLMCallData, PlainCall } from "../core/calls/plainCall";
import type { SaaSLLMError } from "../core/SaaSLLMError";
import type { RetryWait } from "../core/transport";
import type { ChatMessage } from "../core/types";

/** What `useLLMCall` returns: one object per change of what it shows (safe in effect dependencies). */
export interface UseLLMCallResult extends Pick<UseMutationResult<LLMCallData, SaaSLLMError, PlainCall>, "data" | "error" | "status" | "isPending" | "isSuccess" | "isError" | "reset"> {
  /** Sends a prompt (or a message list) as one call. Resolves with its answer; rejects with its error, which also lives in `error`. */
  call(input: string | ChatMessage[]): Promise<LLMCallData>;
  /** Failed attempts of the current call so far. */
  failureCount: number;
  /** The last attempt's error while retrying. */
  failureReason: SaaSLLMError | null;
  /** When the next retry fires (ms since epoch), while waiting for it. */
  nextRetryAt: number | null;
  /** While waiting for a retry: the attempt that comes next, of how many, and when (the shape `StreamStatus` counts down). */
  retrying: RetryWait | null;
  /** The call (or its next retry) is held while react-query's `onlineManager` says offline; `cancel()` drops it. */
  offline: boolean;
  /** What the server did with a create-and-call whose answer was lost (`checking`, `charged`, `not_charged`, `unknown`); null otherwise. */
  outcome: AnswerOutcome | null;
  /** Sends the last prompt again as a new call: the user's choice after a lost answer that was (or may have been) charged. */
  sendAgain(): Promise<LLMCallData>;
  /** Stops the current call: one held offline is never sent, a running one is aborted; the state goes back to idle. */
  cancel(): void;
}
