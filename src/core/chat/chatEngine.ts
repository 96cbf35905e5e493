import type { ChatMessage } from "../types";
import type { ChatListener } from "./chatStore";
import type { ChatStreamState } from "./chatTypes";

/** `retry()` and `continue()` after an answer the server may have charged. */
export interface ResendOptions {
  /** The user chose to send again although the lost answer was (or may have been) charged. */
  chargeAgain?: boolean;
}

/**
 * The framework-free chat engine: what to send (prompts, the busy policy's queue, retry, continue), the
 * consent a second charge needs, persistence, and the job lookup after an answer's end was not seen. It runs
 * answers through a `ChatRunner`; `useChatStream` only binds it to React. No method throws.
 * Every method is a closure: it may be handed around unbound.
 */
export interface ChatEngine {
  /** What the UI sees. */
  getState(): ChatStreamState;
  subscribe(listener: ChatListener): () => void;
  /** The state before any restore: what a server rendered, so a hydrating client renders the same. */
  getServerState(): ChatStreamState;
  /**
   * Sends a prompt (appended to the conversation) or a whole message list (replaces it). Bad input gives a
   * `bad_request` state and sends nothing. While an answer runs, `whenBusy` decides (interrupt, queue, reject).
   */
  send(input: string | ChatMessage[]): Promise<void>;
  /** Shows every character received, then stops; the client closes what the answer leaves open. */
  stop(): void;
  /**
   * Starts the last answer over; the partial text is replaced, never duplicated. After an answer of unknown
   * fate it waits for the job lookup; when that answer was charged (or may have been), it sends only with
   * `{ chargeAgain: true }`: two charges for one prompt are the user's choice, never a side effect.
   */
  retry(options?: ResendOptions): Promise<void>;
  /** Sends the conversation with the partial answer and asks the model to go on; new text is appended. Same consent rule as `retry`. */
  continue(options?: ResendOptions): Promise<void>;
  /** Takes a held send out of the queue; nothing is sent for it. */
  cancelQueued(id: number): void;
  /** Sends the queue's next send after an unfinished answer paused it. */
  resumeQueue(): void;
  /** Stops and clears everything: nothing of the old answer can land afterwards. */
  reset(): void;
  /** The owner went away: stop, close an in-job answer's job, and refuse every later send. */
  dispose(): void;
}
