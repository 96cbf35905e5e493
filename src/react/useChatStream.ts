import { useMemo, useRef, useState } from "react";
import type { ChatStreamState } from "../core/chat/chatTypes";
import { initialChatStreamState } from "../core/chat/chatTypes";
import type { ChatMessage } from "../core/types";
import type { ChatStreamOptions } from "./chatStream/chatStreamOptions";
import { createStreamEntry, sharedStream, type StreamEntry } from "./chatStream/streamRegistry";
import { useRetainer } from "./hooks/retainer";
import { shouldThrow } from "./hooks/shouldThrow";
import { useSelectedState, useTrackedState } from "./hooks/useTrackedState";
import { useSaaSLLMContext } from "./SaaSLLMProvider";

export interface UseChatStreamActions {
  /** Sends a user prompt (appended to the conversation) or a whole message list (replaces it). While an answer runs, `whenBusy` decides: stop it (default), queue the send, or reject it. Bad input gives a `bad_request` state and sends nothing. */
  send(input: string | ChatMessage[]): void;
  /** Stops the running answer; the text so far stays and `status` becomes `stopped`. */
  stop(): void;
  /**
   * Starts the last answer over (after an interruption or error); the partial text is replaced. After an answer
   * of unknown fate it waits for the job lookup (`outcome`); when that answer was charged, or may have been, it
   * sends nothing: a second charge takes `sendAgain()`.
   */
  retry(): void;
  /** Asks the model to continue the partial answer; the continuation is appended to `text`. Same rule as `retry`. */
  continue(): void;
  /** Starts the last answer over although the lost one was (or may have been) charged: the user chose a second charge. */
  sendAgain(): void;
  /** Stops and clears everything, the queue too. */
  reset(): void;
  /** `whenBusy: "queue"`: takes a held send (by its `queue` id) out; nothing is sent for it. */
  cancelQueued(id: number): void;
  /** Sends the next held send after an unfinished answer paused the queue (`queuePaused`). */
  resumeQueue(): void;
}

export interface UseChatStreamResult extends ChatStreamState, UseChatStreamActions {
  /** True while connecting, retrying or streaming. */
  isBusy: boolean;
}

const KEYS = Object.keys(initialChatStreamState) as (keyof ChatStreamState)[];

/**
 * Streams a chat answer, keeps every character received when the stream is cut, and lets the user retry or continue.
 * The component re-renders only for the fields it reads: one that reads only `status` does not re-render per token.
 * Text is published at most once per animation frame. Actions are stable across renders.
 *
 * @example
 * const chat = useChatStream({ model: "chat-fast" });
 * <button onClick={() => chat.send("Tell me a story")}>Send</button>
 * <p>{chat.text}</p>
 * {chat.status === "interrupted" && <button onClick={chat.continue}>Continue</button>}
 */
export function useChatStream(options: ChatStreamOptions): UseChatStreamResult {
  const { client, streams } = useSaaSLLMContext();
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [own] = useState(() => (options.id === undefined ? createStreamEntry(client, options) : null));
  const entry: StreamEntry = own ?? sharedStream(streams, options.id as string, client, options);
  useRetainer(entry.retainer);
  const { state, track } = useTrackedState(entry.engine);

  const actions = useMemo<UseChatStreamActions>(() => {
    // The hook that acts provides the client and the live options.
    const bind = () => ((entry.current = { client, options: optionsRef }), entry.engine);
    return {
      // Fire-and-forget: the outcome lives in state; the promise never rejects.
      send: (input) => void bind().send(input),
      stop: () => bind().stop(),
      retry: () => void bind().retry(),
      continue: () => void bind().continue(),
      sendAgain: () => void bind().retry({ chargeAgain: true }),
      reset: () => bind().reset(),
      cancelQueued: (id) => bind().cancelQueued(id),
      resumeQueue: () => bind().resumeQueue(),
    };
  }, [entry, client]);

  if (options.throwOnError) {
    track("error");
    track("status");
    // Interruptions keep their partial text on screen: only a function may send them to a boundary.
    const throwable = state.status === "error" || (state.status === "interrupted" && typeof options.throwOnError === "function");
    if (throwable && shouldThrow(options.throwOnError, state.error)) throw state.error;
  }
  const result = { ...actions } as UseChatStreamResult;
  for (const key of KEYS) Object.defineProperty(result, key, { enumerable: true, get: () => (track(key), state[key]) });
  Object.defineProperty(result, "isBusy", { enumerable: true, get: () => (track("status"), state.status === "connecting" || state.status === "retrying" || state.status === "streaming") });
  return result;
}

/**
 * Reads a stream shared by `id` (started by a `useChatStream({ id })` elsewhere) with a selector, so e.g. a
 * header badge re-renders only when `status` changes.
 *
 * @example const status = useChatStreamState("support-chat", (s) => s.status);
 */
export function useChatStreamState<T>(id: string, selector: (state: ChatStreamState) => T): T {
  const { client, streams } = useSaaSLLMContext();
  return useSelectedState(sharedStream(streams, id, client, { model: "" }).engine, selector);
}
