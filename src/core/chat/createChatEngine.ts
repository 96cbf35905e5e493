import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { failJob } from "../jobs/failJob";
import { createAnswerCheck } from "./answerCheck";
import { needsChargeConsent } from "../calls/answerOutcome";
import { createChatRunner } from "./chatRunner";
import { createChatStore } from "./chatStore";
import type { ChatEngine, ResendOptions } from "./chatEngine";
import { DEFAULT_CONTINUE_PROMPT, initialChatStreamState, type ChatEngineOptions, type ChatStreamState } from "./chatTypes";
import type { OnlineSource } from "../onlineSource";
import { continuation, strip, type PlannedAnswer } from "./plannedAnswer";
import { promptMessages } from "./promptMessages";
import { attachPageLifecycle } from "./persist/pageLifecycle";
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
  const { getState, dispatch, machine } = store;
  const check = createAnswerCheck(getClient, store);
  const { stop, abort, schedule, scheduled, unschedule, busy, activeJob } = createChatRunner(store, getClient, getOptions, online);

  /** Lays a stored chat over an untouched one; writes nothing back (it may run during a render). */
  const restore = (state: ChatStreamState, at: number | null) => {
    restoring = true;
    try {
      dispatch({ type: "restore", state, at, now: Date.now() });
    } finally {
      restoring = false;
    }
  };

  /** Re-sends only once the last answer's fate is known, and only with consent when it was charged. */
  const resend = async (options: ResendOptions | undefined, go: (plan: PlannedAnswer) => Promise<void>): Promise<void> => {
    await check.settled();
    const { plan } = machine();
    if (!plan || (needsChargeConsent(getState().outcome) && !options?.chargeAgain)) return;
    return go(plan);
  };

  const submit = (input: string | ChatMessage[]): Promise<void> => {
    try {
      const conversation = typeof input === "string" ? [...getState().messages, ...promptMessages(input, "chat")] : promptMessages(input, "chat");
      return schedule({ conversation, request: strip(conversation), base: "" }, input);
    } catch (error) {
      return refuse(error);
    }
  };

  const refuse = (error: unknown): Promise<void> => {
    if (!isSaaSLLMError(error)) throw error;
    dispatch({ type: "refuse", error });
    getOptions().onError?.(error);
    return Promise.resolve();
  };

  const queue = createSendQueue(store, { busy, scheduled }, getOptions, submit, refuse);

  // A sync storage restores before the first render reads the state; an async one a moment later.
  void persistence?.load(restore);

  return {
    getState,
    subscribe: store.subscribe,
    getServerState: () => initialChatStreamState,
    send: queue.send,
    stop,
    retry: (options) => resend(options, (plan) => schedule({ ...plan })),
    continue: (options) =>
      resend(options, (plan) => {
        const { messages, text } = getState();
        return schedule(text ? continuation(messages, text, getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT) : { ...plan });
      }),
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
