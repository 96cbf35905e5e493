import { isRunning, type ChatPersister, type ChatStreamState } from "../chatTypes";
import { decodeSnapshot, encodeSnapshot, restoredState, snapshotOf, type ChatSnapshot } from "./chatSnapshot";
import { attempt, resolveStorage, type ChatPersistError, type ChatStorage, type ChatStorageSource } from "./chatStorage";

export type { ChatPersistError } from "./chatStorage";

export interface ChatPersistOptions {
  /** `"local"`, `"session"`, `indexedDBStorage()` or any `{ getItem, setItem, removeItem }` (async allowed). */
  storage: ChatStorageSource;
  /** The storage key: one per conversation. */
  key: string;
  /** Your schema version: a chat stored under another version is dropped on load. @default 1 */
  version?: number;
  /** Largest stored string; over it the oldest messages are dropped first. @default 500_000 */
  maxChars?: number;
  /** While an answer streams, write at most every N ms (a reload loses at most that much of the partial). @default 1000 */
  writeEveryMs?: number;
  onError?: (error: ChatPersistError) => void;
}

/** Reads the stored chat and hands it to `apply`; a corrupt one is reported and removed. */
function loadChat(store: ChatStorage | null, key: string, version: number, report: (error: ChatPersistError) => void, apply: Parameters<ChatPersister["load"]>[0]): void | Promise<void> {
  if (!store) return;
  return attempt(
    () => store.getItem(key),
    (cause) => report({ operation: "load", reason: "storage", cause }),
    (raw) => {
      if (typeof raw !== "string") return;
      let snapshot: ChatSnapshot | null;
      try {
        snapshot = decodeSnapshot(raw, version);
      } catch (cause) {
        report({ operation: "load", reason: "corrupt", cause });
        return void attempt(() => store.removeItem(key), () => undefined, () => undefined);
      }
      if (snapshot) apply(restoredState(snapshot), snapshot.startedAt);
    },
  );
}

/**
 * Keeps a chat in a storage: pass it as `useChatStream`'s `persist` (read once, when the chat is created). It
 * restores the chat on creation, then writes each settled state at once and a streaming one at most every
 * `writeEveryMs`, one write at a time (the latest wins). Apps that do not persist do not bundle it.
 *
 * @example
 * const chat = useChatStream({ model: "chat-fast", persist: persistChat({ storage: "local", key: "support-chat" }) });
 */
export function persistChat(options: ChatPersistOptions): ChatPersister {
  const { key, version = 1, maxChars = 500_000, writeEveryMs = 1000 } = options;
  // Resolved on first use, never at creation: a server render creates it too.
  let storage: ChatStorage | null | undefined;
  const target = () => (storage === undefined ? (storage = resolveStorage(options.storage)) : storage);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing = false;
  let next: { state: ChatStreamState; startedAt: number | null } | null = null;
  let leaving = false;
  const report = (error: ChatPersistError) => options.onError?.(error);

  /** One write at a time; a state queued meanwhile is written next (the latest wins). */
  function write(): void {
    const store = target();
    if (!store || writing || !next) return;
    const snapshot = snapshotOf(next.state, next.startedAt);
    next = null;
    const json = snapshot && encodeSnapshot(snapshot, version, maxChars, Date.now());
    if (snapshot && !json) return report({ operation: "save", reason: "too_large" });
    writing = true;
    const finish = () => {
      writing = false;
      write();
    };
    void attempt(
      () => (json ? store.setItem(key, json) : store.removeItem(key)),
      (cause) => (report({ operation: "save", reason: "storage", cause }), finish()),
      finish,
    );
  }

  const flush = (leavingNow = false) => {
    if (timer) clearTimeout(timer);
    timer = null;
    write();
    leaving = leavingNow;
  };

  return {
    load: (apply) => loadChat(target(), key, version, report, apply),
    save(state, startedAt) {
      if (leaving) return;
      next = { state, startedAt };
      if (!isRunning(state.status)) return flush();
      timer ??= setTimeout(flush, writeEveryMs);
    },
    flush,
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
