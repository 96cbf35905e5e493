import type { ChatStorage } from "./chatStorage";

export interface IndexedDBStorageOptions {
  /** @default "saas-litellm" */
  dbName?: string;
  /** @default "chats" */
  storeName?: string;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * A {@link ChatStorage} on IndexedDB (larger than `localStorage`'s few MB, and off the main thread's
 * synchronous path). The database opens on first use; where there is no IndexedDB every call rejects, and
 * the chat goes on without persistence.
 */
export function indexedDBStorage({ dbName = "saas-litellm", storeName = "chats" }: IndexedDBStorageOptions = {}): ChatStorage {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    if (!db) {
      if (typeof indexedDB === "undefined") return Promise.reject(new Error("IndexedDB is not available here"));
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => void request.result.createObjectStore(storeName);
      db = done(request);
      // A failed open may succeed later (e.g. after the user freed space): do not keep the rejection.
      db.catch(() => (db = null));
    }
    return db;
  };
  const store = async (mode: IDBTransactionMode) => (await open()).transaction(storeName, mode).objectStore(storeName);
  return {
    getItem: async (key) => {
      const value: unknown = await done((await store("readonly")).get(key));
      return typeof value === "string" ? value : null;
    },
    setItem: async (key, value) => void (await done((await store("readwrite")).put(value, key))),
    removeItem: async (key) => void (await done((await store("readwrite")).delete(key))),
  };
}
