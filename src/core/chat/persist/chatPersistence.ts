import { isRunning, type ChatPersister, type ChatStreamState } from "../chatTypes";
import { decodeSnapshot, encodeSnapshot, restoredState, snapshotOf, type ChatSnapshot } from "./chatSnapshot";
import { resolveStorage, type ChatStorage, type ChatStorageSource } from "./chatStorage";

/** A storage failure: reported, never thrown into the chat (which goes on without persistence). */
export interface ChatPersistError {
  operation: "load" | "save";
  /** `corrupt`: the stored chat could not be read and was removed; `too_large`: the last message alone exceeds `maxChars`. */
  reason: "storage" | "corrupt" | "too_large";
  cause?: unknown;
}

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

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as PromiseLike<unknown> | null)?.then === "function";

/** Calls a storage method that may throw or return a promise; failures go to `fail`. */
function attempt<T>(run: () => T | Promise<T>, fail: (cause: unknown) => void, then: (value: T) => void): void | Promise<void> {
  try {
    const value = run();
    if (isThenable(value)) return Promise.resolve(value).then(then, fail);
    then(value);
  } catch (cause) {
    fail(cause);
  }
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
    load(apply) {
      const store = target();
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
    },
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
