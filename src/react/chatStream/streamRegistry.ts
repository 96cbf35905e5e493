import type { SaaSLLMClient } from "../../core/createSaaSLLMClient";
import type { ChatStreamOptions } from "./chatStreamOptions";
import { createChatStreamController, type ChatStreamController } from "./createChatStreamController";
import { createChatStreamStore, type ChatStreamStore } from "./chatStreamStore";

export interface StreamEntry {
  store: ChatStreamStore;
  controller: ChatStreamController;
  /** The hook that acted last provides the client and its latest options (read live: no stale callbacks). */
  current: { client: SaaSLLMClient; options: { readonly current: ChatStreamOptions } };
  refs: number;
  disposeTimer: ReturnType<typeof setTimeout> | null;
}

export function createStreamEntry(client: SaaSLLMClient, options: ChatStreamOptions): StreamEntry {
  const store = createChatStreamStore();
  const entry: StreamEntry = {
    store,
    controller: undefined as unknown as ChatStreamController,
    current: { client, options: { current: options } },
    refs: 0,
    disposeTimer: null,
  };
  entry.controller = createChatStreamController(store, () => entry.current.client, () => entry.current.options.current);
  return entry;
}

/**
 * Streams shared by `id` within one provider. Disposal is deferred by a tick so React StrictMode's
 * unmount-remount (and a quick remount after navigation) keeps the stream instead of aborting it.
 */
export function createStreamRegistry() {
  const entries = new Map<string, StreamEntry>();
  return {
    getOrCreate(id: string, client: SaaSLLMClient, options: ChatStreamOptions): StreamEntry {
      let entry = entries.get(id);
      if (!entry) entries.set(id, (entry = createStreamEntry(client, options)));
      return entry;
    },
    peek(id: string): StreamEntry | undefined {
      return entries.get(id);
    },
    retain(entry: StreamEntry): void {
      entry.refs++;
      if (entry.disposeTimer) {
        clearTimeout(entry.disposeTimer);
        entry.disposeTimer = null;
      }
    },
    release(entry: StreamEntry, id: string | undefined, mode: "abort" | "detach"): void {
      entry.refs--;
      if (entry.refs > 0) return;
      entry.disposeTimer = setTimeout(() => {
        entry.disposeTimer = null;
        if (entry.refs > 0) return;
        if (mode === "abort") entry.controller.dispose();
        // A detached shared stream stays readable by id; an aborted one is forgotten.
        if (id !== undefined && mode === "abort" && entries.get(id) === entry) entries.delete(id);
      }, 0);
    },
  };
}

export type StreamRegistry = ReturnType<typeof createStreamRegistry>;
