/**
 * Where a chat is kept: `localStorage`, `sessionStorage`, an IndexedDB adapter (`indexedDBStorage()`) or any
 * object of this shape, sync or async. Values are strings (JSON).
 */
export interface ChatStorage {
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/** A storage failure: reported, never thrown into the chat (which goes on without persistence). */
export interface ChatPersistError {
  operation: "load" | "save";
  /** `corrupt`: the stored chat could not be read and was removed; `too_large`: the last message alone exceeds `maxChars`. */
  reason: "storage" | "corrupt" | "too_large";
  cause?: unknown;
}

/** A storage, or the browser's own by name: resolved when first used, so a server render touches none. */
export type ChatStorageSource = ChatStorage | "local" | "session";

/**
 * The storage to use, or null where there is none (a server, a worker). Reading `localStorage` itself can
 * throw (a sandboxed frame, some private modes): that is no storage too.
 */
export function resolveStorage(source: ChatStorageSource): ChatStorage | null {
  if (typeof source !== "string") return source;
  try {
    const g = globalThis as { localStorage?: ChatStorage; sessionStorage?: ChatStorage };
    return (source === "local" ? g.localStorage : g.sessionStorage) ?? null;
  } catch {
    return null;
  }
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as PromiseLike<unknown> | null)?.then === "function";

/** Calls a storage method that may throw or return a promise; failures go to `fail`. */
export function attempt<T>(run: () => T | Promise<T>, fail: (cause: unknown) => void, then: (value: T) => void): void | Promise<void> {
  try {
    const value = run();
    if (isThenable(value)) return Promise.resolve(value).then(then, fail);
    then(value);
  } catch (cause) {
    fail(cause);
  }
}
