/**
 * Where a chat is kept: `localStorage`, `sessionStorage`, an IndexedDB adapter (`indexedDBStorage()`) or any
 * object of this shape, sync or async. Values are strings (JSON).
 */
export interface ChatStorage {
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
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
