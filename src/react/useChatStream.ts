import { useMemo, useState } from "react";
import type { ChatStreamState } from "../core/chat/chatTypes";
import { initialChatStreamState, isRunning } from "../core/chat/chatTypes";
import type { ChatMessage } from "../core/types";
import type { SaaSLLMClient } from "../core/createSaaSLLMClient";
import type { ChatStreamOptions } from "./chatStream/chatStreamOptions";
import { createStreamEntry, sharedStream, type StreamEntry } from "./chatStream/streamRegistry";
import { useRetainer } from "./hooks/retainer";
import { shouldThrow } from "./hooks/shouldThrow";
import { useLatest } from "./hooks/useLatest";
import { useSelectedState, useTrackedState } from "./hooks/useTrackedState";
import type { RequiresClient } from "./register";
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
  /** True while an answer is under way: held offline, connecting, retrying or streaming (so a Send button disabled by it cannot add to a held send). */
  isBusy: boolean;
}

const KEYS = Object.keys(initialChatStreamState) as (keyof ChatStreamState)[];

/** The hook that acts provides the client and its live options (called from actions, never during render). */
function bind(entry: StreamEntry, client: SaaSLLMClient, options: StreamEntry["current"]["options"]) {
  entry.current = { client, options };
  return entry.engine;
}

/** The result for one snapshot: getters mark the fields the component reads, so only those re-render it. */
function resultOf(state: ChatStreamState, track: (key: keyof ChatStreamState) => void, actions: UseChatStreamActions): UseChatStreamResult {
  const result = { ...actions } as UseChatStreamResult;
  for (const key of KEYS) Object.defineProperty(result, key, { enumerable: true, get: () => (track(key), state[key]) });
  Object.defineProperty(result, "isBusy", { enumerable: true, get: () => (track("status"), isRunning(state.status)) });
  return result;
}

/**
 * Streams a chat answer, keeps every character received when the stream is cut, and lets the user retry or continue.
 * The component re-renders only for the fields it reads: one that reads only `status` does not re-render per token.
 * Text is published at most once per animation frame. Actions are stable across renders, and so is the result
 * while the stream's state is unchanged (safe in effect dependencies).
 *
 * Inside `<Activity mode="hidden">` the stream keeps running (the answer costs a job and the user comes back to
 * it): hiding destroys effects but not the component, and the stream is held until a real unmount, which aborts.
 *
 * @example
 * const chat = useChatStream({ model: "chat-fast" });
 * <button onClick={() => chat.send("Tell me a story")}>Send</button>
 * <p>{chat.text}</p>
 * {chat.status === "interrupted" && <button onClick={chat.continue}>Continue</button>}
 */
export function useChatStream(options: ChatStreamOptions & RequiresClient<"useChatStream">): UseChatStreamResult {
  const { client, streams } = useSaaSLLMContext(["useChatStream", "streamMethods", "streamCreateAndCall"]);
  const latest = useLatest(options);
  const [own] = useState(() => (options.id === undefined ? createStreamEntry(client, options) : null));
  const entry: StreamEntry = own ?? sharedStream(streams, options.id as string, client, options);
  useRetainer(entry.retainer);
  const { state, track } = useTrackedState(entry.engine);

  const actions = useMemo<UseChatStreamActions>(() => {
    const engine = () => bind(entry, client, latest);
    return {
      // Fire-and-forget: the outcome lives in state; the promise never rejects.
      send: (input) => void engine().send(input),
      stop: () => engine().stop(),
      retry: () => void engine().retry(),
      continue: () => void engine().continue(),
      sendAgain: () => void engine().retry({ chargeAgain: true }),
      reset: () => engine().reset(),
      cancelQueued: (id) => engine().cancelQueued(id),
      resumeQueue: () => engine().resumeQueue(),
    };
  }, [entry, client, latest]);
  const result = useMemo(() => resultOf(state, track, actions), [state, track, actions]);

  if (options.throwOnError) {
    track("error");
    track("status");
    // Interruptions keep their partial text on screen: only a function may send them to a boundary.
    const throwable = state.status === "error" || (state.status === "interrupted" && typeof options.throwOnError === "function");
    if (throwable && shouldThrow(options.throwOnError, state.error)) throw state.error;
  }
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
