/** Test-only helpers for the chat engine's tests: a simulator-backed client whose page can "die", and storages. */
import { afterEach, beforeEach, vi } from "vitest";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator, type SimulatorOptions } from "../../src/testing/index";
import type { SaaSLLMClientOptions } from "../../src/core/clientOptions";
import { createSaaSLLMClient } from "../../src/core/createSaaSLLMClient";
import type { ChatEngineOptions } from "../../src/core/chat/chatTypes";
import { createChatEngine } from "../../src/core/chat/createChatEngine";
import { persistChat } from "../../src/core/chat/persist/chatPersistence";
import type { OnlineSource } from "../../src/core/onlineSource";
import type { ChatStorage } from "../../src/core/chat/persist/chatStorage";

export const REPLY = "Hello there, this is the answer, told slowly so that a reload can land in the middle of it.";

export function simulator(options: SimulatorOptions = {}): Simulator {
  return createSimulator({ preset: "live", seed: 4, replyText: REPLY, tokenDelayMs: 20, ...options });
}

/** A browser tab: its own client and engine. `kill()` is the page going away: nothing it sends arrives any more. */
export function page(sim: Simulator, options: Partial<ChatEngineOptions> = {}, online: OnlineSource | null = null, clientOptions: Partial<SaaSLLMClientOptions> = {}) {
  let dead = false;
  const client = createSaaSLLMClient({
    baseUrl: "http://sim.test",
    teamId: DEMO_TEAM_ID,
    virtualKey: DEMO_VIRTUAL_KEY,
    retry: { delay: () => 1 },
    fetch: (input, init) => (dead ? Promise.reject(new TypeError("page gone")) : sim.fetch(new Request(input, init))),
    ...clientOptions,
  });
  const live: ChatEngineOptions = { model: "chat-fast", ...options };
  const engine = createChatEngine(() => client, () => live, online);
  // What a mounted component does: subscribe (which also lets the engine start its effects).
  const unsubscribe = engine.subscribe(() => undefined);
  return {
    engine,
    client,
    live,
    kill: () => {
      dead = true;
      unsubscribe();
    },
  };
}

/** A storage in memory, sync or async, that can be made to fail or freeze (the page is gone: writes stop). */
export function memoryStorage({ async = false } = {}) {
  const data = new Map<string, string>();
  const state = { frozen: false, failWrites: false, failReads: false, writes: 0 };
  const answer = <T>(value: () => T): T | Promise<T> => (async ? Promise.resolve().then(value) : value());
  const storage: ChatStorage = {
    getItem: (key) =>
      answer(() => {
        if (state.failReads) throw new DOMException("The operation is insecure.", "SecurityError");
        return data.get(key) ?? null;
      }),
    setItem: (key, value) =>
      answer(() => {
        if (state.failWrites) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        if (state.frozen) return;
        state.writes++;
        data.set(key, value);
      }),
    removeItem: (key) => answer(() => void (state.frozen || data.delete(key))),
  };
  return { storage, data, state };
}

/** An online source the test switches. */
export function network(initiallyOnline = true) {
  let online = initiallyOnline;
  const listeners = new Set<(online: boolean) => void>();
  const source: OnlineSource = {
    isOnline: () => online,
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
  };
  return {
    source,
    set(next: boolean) {
      online = next;
      for (const listener of listeners) listener(next);
    },
    listeners: () => listeners.size,
  };
}

/** Lets the fake clock run, so streams, waits and lookups settle. */
export const run = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Every test of the file on a fake clock (the simulator's waits and the engine's timers alike). */
export function onFakeClock(): void {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());
}

/**
 * Page one sends and streams for `ms`, then goes away: its storage takes no more writes. `reload()` opens
 * the next page on the same storage.
 */
export async function streamThenLeave(sim: Simulator, { async = false, ms = 200 } = {}) {
  const { storage, state } = memoryStorage({ async });
  const options = { storage, key: "chat", writeEveryMs: 100 };
  const first = page(sim, { persist: persistChat(options) });
  void first.engine.send("Tell me a story");
  await run(ms);
  const shown = first.engine.getState();
  state.frozen = true;
  return { first, shown, state, reload: () => page(sim, { persist: persistChat(options) }) };
}
