import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { failJob } from "../jobs/failJob";
import { createAnswerCheck } from "./answerCheck";
import { createChatRunner } from "./chatRunner";
import { createChatStore } from "./chatStore";
import type { ChatEngine } from "./chatEngine";
import { initialChatStreamState, type ChatEngineOptions, type ChatStreamState } from "./chatTypes";
import type { OnlineSource } from "../onlineSource";
import { attachPageLifecycle } from "./persist/pageLifecycle";
import { createAnswerSends } from "./answerSends";
import { createSendQueue } from "./sendQueue";

export type { ChatEngine, ResendOptions } from "./chatEngine";

/** Creates a chat engine reading its client and options live (the latest render's). */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null = null): ChatEngine {
  const persistence = getOptions().persist ?? null;
  let restoring = false;
  let detachPage: (() => void) | null = null;

  // The store's hooks run after this factory returned: `check` and `queue` are set by then.
  const store = createChatStore(
    () => {
      if (detachPage) return;
      detachPage = attachPageLifecycle(persistence);
      check.mount();
    },
    (next, prev) => {
      if (!restoring && next.state !== prev.state) persistence?.save(next.state, next.startedAt);
      if (next.check !== prev.check) check.changed();
      // An answer ended (settled or stopped): the queue goes on or pauses once a newer send had its chance to start.
      if (prev.run && !next.run && !next.disposed) queueMicrotask(() => queue.advance(next.state.status === "done"));
    },
  );
  const { getState, dispatch } = store;
  const check = createAnswerCheck(getClient, store);
  const runner = createChatRunner(store, getClient, getOptions, online);
  const { stop, abort, unschedule, activeJob } = runner;

  /** Lays a stored chat over an untouched one; writes nothing back (it may run during a render). */
  const restore = (state: ChatStreamState, at: number | null) => {
    restoring = true;
    try {
      dispatch({ type: "restore", state, at, now: Date.now() });
    } finally {
      restoring = false;
    }
  };

  const sends = createAnswerSends(store, runner, check, getOptions);
  const queue = createSendQueue(store, runner, getOptions, sends.submit, sends.refuse);

  // A sync storage restores before the first render reads the state; an async one a moment later.
  void persistence?.load(restore);

  return {
    getState,
    subscribe: store.subscribe,
    getServerState: () => initialChatStreamState,
    send: queue.send,
    stop,
    retry: sends.retry,
    continue: sends.continue,
    cancelQueued: queue.cancel,
    resumeQueue: queue.resume,
    reset() {
      unschedule();
      abort();
      dispatch({ type: "reset" });
    },
    dispose() {
      unschedule();
      const job = activeJob();
      stop();
      dispatch({ type: "dispose" });
      persistence?.dispose();
      detachPage?.();
      if (job && getOptions().autoFailJob !== false) void failJob(getClient(), job, abortError({ endpoint: "streamLLMCall" }));
    },
  };
}
