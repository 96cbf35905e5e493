import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { createAnswerCheck } from "./answerCheck";
import { createChatRunner } from "./chatRunner";
import { createChatStore } from "./chatStore";
import type { ChatEngine } from "./chatEngine";
import { initialChatStreamState, type ChatEngineOptions } from "./chatTypes";
import type { OnlineSource } from "../onlineSource";
import { attachPageLifecycle } from "./persist/pageLifecycle";
import { createAnswerSends } from "./answerSends";
import { createSendQueue } from "./sendQueue";

export type { ChatEngine, ResendOptions } from "./chatEngine";

/** Creates a chat engine reading its client and options live (the latest render's). */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null = null): ChatEngine {
  const persistence = getOptions().persist ?? null;
  // Set once mounted (a first subscriber): effects may start then, never during a render.
  let detachPage: (() => void) | null = null;

  // The store's hooks run after this factory returned: `check` and `queue` are set by then.
  const store = createChatStore(
    () => {
      if (detachPage) return;
      detachPage = attachPageLifecycle(persistence);
      void check();
    },
    (next, prev, action) => {
      // A restored chat is not written back (it may be restored during a render).
      if (action.type !== "restore" && next.state !== prev.state) persistence?.save(next.state, next.startedAt);
      if (next.check !== prev.check && detachPage) void check();
      // An answer ended (settled or stopped): the queue goes on or pauses once a newer send had its chance to start.
      if (prev.run && !next.run && !next.disposed) queueMicrotask(() => queue.advance(next.state.status === "done"));
    },
  );
  const { dispatch } = store;
  const check = createAnswerCheck(getClient, store);
  const runner = createChatRunner(store, getClient, getOptions, online);
  const sends = createAnswerSends(store, runner, check, getOptions);
  const queue = createSendQueue(store, runner, getOptions, sends);

  // A sync storage restores before the first render reads the state; an async one a moment later.
  void persistence?.load((state, at) => dispatch({ type: "restore", state, at, now: Date.now() }));

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    getServerState: () => initialChatStreamState,
    send: queue.send,
    stop: runner.stop,
    retry: sends.retry,
    continue: sends.continue,
    cancelQueued: queue.cancel,
    resumeQueue: queue.resume,
    reset() {
      runner.clear();
      dispatch({ type: "reset" });
    },
    dispose() {
      runner.dispose();
      persistence?.dispose();
      detachPage?.();
    },
  };
}
