import type { SaaSLLMError } from "../../core/SaaSLLMError";
import type { JsonObject, LLMParams } from "../../core/types";
import type { JobRef } from "../jobHandle";

/** How a stream ended, for `onFinish`. */
export interface ChatStreamFinishInfo {
  text: string;
  /** Stopped by `stop()`, a newer `send()`, or unmount. */
  isAbort: boolean;
  /** The connection or the server went away mid-answer. */
  isDisconnect: boolean;
  isError: boolean;
  /** Ended without its end marker; `text` holds the partial answer. */
  isInterrupted: boolean;
  error: SaaSLLMError | null;
}

export interface ChatStreamOptions {
  /** A model alias or model-group name. */
  model: string;
  /**
   * Stream inside this job (E4 llm-call-stream): a job id or a `useJob` handle. Leave it out for single-shot
   * streams (E6 create-and-call-stream: the server creates, completes and charges one job per answer).
   */
  job?: JobRef;
  /** Single-shot streams: the job type. @default "chat" */
  jobType?: string;
  /** Single-shot streams: extra job metadata (a `client_request_id` is added for correlation). */
  jobMetadata?: JsonObject;
  userId?: string;
  /** Prepended as a system message to every request (not shown in `messages`). */
  system?: string;
  /** Other LLM parameters (temperature, max_tokens, stop ...). */
  params?: Omit<LLMParams, "model" | "messages">;
  /** Publish text at most every N ms instead of once per animation frame. */
  throttleMs?: number;
  /** Retry automatically (by the core policy) while no text has arrived yet. @default true */
  retry?: boolean;
  /** After an error or interruption, complete the job as `failed` (string `job`) or report it (handle). @default true */
  autoFailJob?: boolean;
  /** The user message `continue()` sends with the partial answer. */
  continuePrompt?: string;
  /** `abort` (default) stops the request on unmount; `detach` lets it finish into the shared store. */
  onUnmount?: "abort" | "detach";
  /** Share one stream between components: hooks with the same id see the same state. */
  id?: string;
  /** Hand errors to the nearest error boundary (not aborts; not interruptions unless the function says so). */
  throwOnError?: boolean | ((error: SaaSLLMError) => boolean);
  /** Each text delta, synchronously as parsed. */
  onToken?: (delta: string) => void;
  onFinish?: (info: ChatStreamFinishInfo) => void;
  onError?: (error: SaaSLLMError) => void;
}

export const DEFAULT_CONTINUE_PROMPT = "Continue exactly where your previous answer stopped. Do not repeat anything you already wrote.";
