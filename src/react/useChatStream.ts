import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import type { SaaSLLMError } from "../core/SaaSLLMError";
import type { ChatMessage } from "../core/types";
import type { ChatStreamOptions } from "./chatStream/chatStreamOptions";
import type { ChatStreamState } from "./chatStream/chatStreamStore";
import { createStreamEntry, type StreamEntry } from "./chatStream/streamRegistry";
import { useSaaSLLMContext } from "./SaaSLLMProvider";

export interface UseChatStreamResult extends ChatStreamState {
  /** Sends a user prompt (appended to the conversation) or a whole message list (replaces it). A running answer is aborted: the newer send wins. */
  send(input: string | ChatMessage[]): void;
  /** Aborts the running answer; the text so far stays and `status` becomes `stopped`. */
  stop(): void;
  /** Starts the last answer over (after an interruption or error); the partial text is replaced. */
  retry(): void;
  /** Asks the model to continue the partial answer; the continuation is appended to `text`. */
  continue(): void;
  /** Aborts and clears everything. */
  reset(): void;
  /** True while connecting or streaming. */
  isBusy: boolean;
}

/**
 * Streams a chat answer, keeps every character received when the stream is cut, and lets the user retry or continue.
 * Text is published at most once per animation frame; a component that reads only `status` does not re-render per token.
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
  const entry: StreamEntry = own ?? streams.getOrCreate(options.id as string, client, options);
  const state = useStore(entry.store);

  const bind = useCallback(() => {
    entry.current = { client, options: optionsRef };
    return entry.controller;
  }, [entry, client]);

  useEffect(() => {
    streams.retain(entry);
    return () => streams.release(entry, optionsRef.current.id, optionsRef.current.onUnmount ?? "abort");
  }, [entry, streams]);

  const actions = useMemo(
    () => ({
      // Fire-and-forget: the outcome lives in state; the promise never rejects.
      send: (input: string | ChatMessage[]) => void bind().send(input),
      stop: () => bind().stop(),
      retry: () => void bind().retry(),
      continue: () => void bind().continue(),
      reset: () => bind().reset(),
    }),
    [bind],
  );

  if (state.error && shouldThrow(options.throwOnError, state.error, state.status)) throw state.error;
  return { ...state, ...actions, isBusy: state.status === "connecting" || state.status === "streaming" };
}

function shouldThrow(throwOnError: ChatStreamOptions["throwOnError"], error: SaaSLLMError, status: ChatStreamState["status"]): boolean {
  if (typeof throwOnError === "function") return (status === "error" || status === "interrupted") && throwOnError(error);
  return throwOnError === true && status === "error";
}

/**
 * Reads a stream shared by `id` (started by a `useChatStream({ id })` elsewhere) with a selector, so e.g. a
 * header badge re-renders only when `status` changes.
 *
 * @example const status = useChatStreamState("support-chat", (s) => s.status);
 */
export function useChatStreamState<T>(id: string, selector: (state: ChatStreamState) => T): T {
  const { client, streams } = useSaaSLLMContext();
  const entry = streams.getOrCreate(id, client, { model: "" });
  return useStore(entry.store, selector);
}
