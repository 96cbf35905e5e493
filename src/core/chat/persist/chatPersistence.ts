import { initialChatStreamState, type ChatPersister, type ChatStreamState } from "../chatTypes";
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

const BUSY = new Set(["offline", "connecting", "retrying", "streaming"]);

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
  return createChatPersistence(() => options);
}

function createChatPersistence(getOptions: () => ChatPersistOptions | undefined): ChatPersister {
  let storage: ChatStorage | null | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing = false;
  let next: { state: ChatStreamState; startedAt: number | null } | null = null;
  const report = (error: ChatPersistError) => getOptions()?.onError?.(error);
  const storageOf = () => {
    const options = getOptions();
    if (!options) return null;
    if (storage === undefined) storage = resolveStorage(options.storage);
    return storage;
  };

  function write(): void {
    const options = getOptions();
    const target = storageOf();
    if (!options || !target || writing || !next) return;
    const { state, startedAt } = next;
    next = null;
    const snapshot = snapshotOf(state, startedAt);
    const json = snapshot && encodeSnapshot(snapshot, options.version ?? 1, options.maxChars ?? 500_000, Date.now());
    if (snapshot && !json) return report({ operation: "save", reason: "too_large" });
    writing = true;
    const finish = () => {
      writing = false;
      write();
    };
    void attempt(
      () => (json ? target.setItem(options.key, json) : target.removeItem(options.key)),
      (cause) => (report({ operation: "save", reason: "storage", cause }), finish()),
      finish,
    );
  }

  return {
    load(apply) {
      const options = getOptions();
      const target = storageOf();
      if (!options || !target) return;
      const version = options.version ?? 1;
      const corrupt = (cause: unknown) => {
        report({ operation: "load", reason: "corrupt", cause });
        attempt(() => target.removeItem(options.key), () => undefined, () => undefined);
      };
      return attempt(
        () => target.getItem(options.key),
        (cause) => report({ operation: "load", reason: "storage", cause }),
        (raw) => {
          if (typeof raw !== "string") return;
          let snapshot: ChatSnapshot | null;
          try {
            snapshot = decodeSnapshot(raw, version);
          } catch (cause) {
            return corrupt(cause);
          }
          if (snapshot) apply(restoredState(snapshot, initialChatStreamState), snapshot.startedAt);
        },
      );
    },
    save(state: ChatStreamState, startedAt: number | null): void {
      if (!getOptions()) return;
      next = { state, startedAt };
      if (!BUSY.has(state.status)) return this.flush();
      timer ??= setTimeout(() => this.flush(), getOptions()?.writeEveryMs ?? 1000);
    },
    flush(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      write();
    },
    dispose(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
