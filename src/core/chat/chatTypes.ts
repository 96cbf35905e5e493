import type { JobRef } from "../jobs/jobHandle";
import type { SaaSLLMError } from "../SaaSLLMError";
import type { RetryWait } from "../transport";
import type { ChatMessage, JsonObject, LLMParams, Usage } from "../types";
import type { AnswerOutcome } from "../calls/answerOutcome";
import type { AnswerTiming } from "./answerTiming";
import type { QueuedSend, WhenBusy } from "./busyPolicy";
import type { UnfinishedReason } from "./unfinishedReason";

/**
 * Where a chat answer is. `offline`: the send is held until the network is back (see `offline`).
 * `connecting`: sent, no response yet. `generating`: the server accepted the call (its headers and
 * `: keepalive` arrived) and no text yet; on the real server, which buffers whole answers, this is most of the
 * wait (see `generatingSince`). `retrying`: waiting for an automatic retry before the first token (see `retrying`).
 * `interrupted` keeps the partial text; `stopped` means it was stopped (user, newer send, unmount).
 */
export type ChatStreamStatus = "idle" | "offline" | "connecting" | "generating" | "retrying" | "streaming" | "done" | "interrupted" | "error" | "stopped";

/** An answer is under way (held offline, connecting, generating, waiting to retry or streaming): Stop ends it, `whenBusy` applies. */
export const isRunning = (status: ChatStreamStatus): boolean => status === "offline" || status === "connecting" || status === "generating" || status === "retrying" || status === "streaming";

/** A send held while offline: sent when the network is back before `expiresAt` (ms since epoch), dropped after. */
export interface OfflineHold {
  since: number;
  expiresAt: number;
}

/** A message of the conversation; an assistant answer cut short carries `interrupted: true` and its `reason`. */
export interface ChatStreamMessage extends ChatMessage {
  interrupted?: boolean;
  /** Why this assistant answer is unfinished (also set on a `done` answer the model cut for length or content). */
  reason?: UnfinishedReason;
}

/** Everything a UI can see of a chat: each value is a state of the chat machine (`chatReducer`). */
export interface ChatStreamState {
  /** The answer so far: every character received, also after an interruption. */
  text: string;
  /** The conversation, including the (possibly partial) assistant answer. */
  messages: ChatStreamMessage[];
  status: ChatStreamStatus;
  error: SaaSLLMError | null;
  usage: Usage | null;
  finishReason: string | null;
  /** The job the answer ran in, when known (null for the upstream's single-shot streams). */
  jobId: string | null;
  /** Correlation id of a single-shot answer's job (`job_metadata.client_request_id`). */
  clientRequestId: string | null;
  /** Text chunks received for the current answer. */
  chunkCount: number;
  /** Why the answer is unfinished, or null when it is running or complete. */
  reason: UnfinishedReason | null;
  /** While `status` is `retrying`: which attempt comes next, of how many, and when (ms since epoch). */
  retrying: RetryWait | null;
  /** The ended answer's time to first token, duration, tokens and tokens/s (see `AnswerTiming`); null while running and after a stop. */
  timing: AnswerTiming | null;
  /** While `status` is `generating`: since when the server has been working on the answer (ms since epoch). */
  generatingSince: number | null;
  /** While `status` is `offline`: since when the send is held, and until when it would still be sent. */
  offline: OfflineHold | null;
  /** What the server did with an answer the client did not see end (a cut, a timeout, a reload): looked up before any re-send. */
  outcome: AnswerOutcome | null;
  /** Sends held by `whenBusy: "queue"`, oldest first; each is sent when the answer before it is done. */
  queue: QueuedSend[];
  /** An answer before the queue did not finish: the queue waits for `resumeQueue()` or a successful retry. */
  queuePaused: boolean;
}

/** How an answer ended, for `onFinish`. */
export interface ChatStreamFinishInfo {
  text: string;
  /** Stopped by `stop()`, a newer `send()`, `reset()` or unmount. */
  isAbort: boolean;
  /** The connection or the server went away mid-answer. */
  isDisconnect: boolean;
  isError: boolean;
  /** Ended without its end marker; `text` holds the partial answer. */
  isInterrupted: boolean;
  error: SaaSLLMError | null;
  /** Why the answer is unfinished; null when it is complete. */
  reason: UnfinishedReason | null;
  /** Time to first token, duration, tokens and tokens/s of this answer. */
  timing: AnswerTiming | null;
}

/** What the chat engine asks of a persistence (made by `persistChat`): the engine never sees the storage. */
export interface ChatPersister {
  /** Restores the stored chat (a sync storage answers at once, before the first render reads the state). */
  load(apply: (state: ChatStreamState, startedAt: number | null) => void): void | Promise<void>;
  /** Queues a state for writing: at once when settled, batched while an answer streams. */
  save(state: ChatStreamState, startedAt: number | null): void;
  /**
   * Writes the queued state now. `leaving`: the page is going away (`pagehide`), so later states are not
   * written: the browser then cuts the stream, and what survives must be the answer as it was, not a cut the
   * reload itself caused. The next `flush(false)` (`pageshow`: the page came back) writes again.
   */
  flush(leaving?: boolean): void;
  dispose(): void;
}

/** Options of the chat engine (read live, on every send). */
export interface ChatEngineOptions {
  /** A model alias or model-group name. */
  model: string;
  /**
   * Stream inside this job (E4 llm-call-stream): a job id or a `useJob` handle. Leave it out for single-shot
   * answers (E6 create-and-call-stream: the server creates, completes and charges one job per answer; the
   * client closes any the server left open).
   */
  job?: JobRef;
  /** Single-shot answers: the job type. @default "chat" */
  jobType?: string;
  /** Single-shot answers: extra job metadata (a `client_request_id` is added for correlation). */
  jobMetadata?: JsonObject;
  userId?: string;
  /** Prepended as a system message to every request (not shown in `messages`). */
  system?: string;
  /** Other LLM parameters (temperature, max_tokens, stop ...). */
  params?: Omit<LLMParams, "model" | "messages">;
  /** A send while an answer runs: stop it (`interrupt`), hold the send (`queue`) or drop it (`reject`). @default "interrupt" */
  whenBusy?: WhenBusy;
  /**
   * Keep the conversation and the answer in progress in a storage: `persistChat({ storage: "local", key })`.
   * Read once, when the chat is created; the stored chat is restored then.
   */
  persist?: ChatPersister;
  /**
   * A send made offline is held (status `offline`) and sent when the network is back within `windowMs`; after
   * that it is dropped with reason `offline`. `false`: send anyway (it fails as a network error). @default { windowMs: 60_000 }
   */
  offline?: { windowMs?: number } | false;
  /** Publish text at most every N ms instead of once per animation frame. */
  throttleMs?: number;
  /** Retry automatically (by the core policy) while no text has arrived yet. @default true */
  retry?: boolean;
  /** In-job answers: after an error, interruption or stop, complete a job given by id as `failed`, or report it to a handle. @default true */
  autoFailJob?: boolean;
  /** The user message `continue()` sends with the partial answer. */
  continuePrompt?: string;
  /** Each text delta, synchronously as parsed. */
  onToken?: (delta: string) => void;
  onFinish?: (info: ChatStreamFinishInfo) => void;
  onError?: (error: SaaSLLMError) => void;
}

export const DEFAULT_CONTINUE_PROMPT = "Continue exactly where your previous answer stopped. Do not repeat anything you already wrote.";

export const initialChatStreamState: ChatStreamState = {
  generatingSince: null,
  text: "",
  messages: [],
  status: "idle",
  error: null,
  usage: null,
  finishReason: null,
  jobId: null,
  clientRequestId: null,
  chunkCount: 0,
  reason: null,
  retrying: null,
  timing: null,
  offline: null,
  outcome: null,
  queue: [],
  queuePaused: false,
};
