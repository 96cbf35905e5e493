import { onlineManager } from "@tanstack/react-query";
import { createChatEngine, type ChatEngine } from "../../core/chat/createChatEngine";
import type { SaaSLLMClient } from "../../core/createSaaSLLMClient";
import { createRetainer, type Retainer } from "../hooks/retainer";
import type { ChatStreamOptions } from "./chatStreamOptions";

export interface StreamEntry {
  engine: ChatEngine;
  /** The hook that acted last provides the client and its latest options (read live: no stale callbacks). */
  current: { client: SaaSLLMClient; options: { readonly current: ChatStreamOptions } };
  retainer: Retainer;
}

export function createStreamEntry(client: SaaSLLMClient, options: ChatStreamOptions, onDisposed: () => void = () => undefined): StreamEntry {
  const entry = { current: { client, options: { current: options } } } as StreamEntry;
  // Offline sends are held on react-query's onlineManager: the app has one source of truth for "online".
  entry.engine = createChatEngine(() => entry.current.client, () => entry.current.options.current, onlineManager);
  // A detached stream finishes into its state and stays readable by id; an aborted one is forgotten.
  entry.retainer = createRetainer(() => {
    if ((entry.current.options.current.onUnmount ?? "abort") !== "abort") return;
    entry.engine.dispose();
    onDisposed();
  });
  return entry;
}

/** Streams shared by `id` within one provider (the provider holds the map; only `useChatStream` fills it). */
export type StreamRegistry = Map<string, StreamEntry>;

/** The stream shared under `id`, created on first use; an aborted one leaves the registry. */
export function sharedStream(entries: StreamRegistry, id: string, client: SaaSLLMClient, options: ChatStreamOptions): StreamEntry {
  let entry = entries.get(id);
  if (!entry) {
    const created = createStreamEntry(client, options, () => entries.get(id) === created && entries.delete(id));
    entries.set(id, (entry = created));
  }
  return entry;
}
