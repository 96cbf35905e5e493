import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { failJob } from "../jobs/failJob";
import { createAnswerCheck } from "./answerCheck";
import { needsChargeConsent } from "../calls/answerOutcome";
import { previewOf, sameInput } from "./busyPolicy";
import { createChatRunner } from "./chatRunner";
import { createChatStore } from "./chatStore";
import type { ChatEngine, ResendOptions } from "./chatEngine";
import { DEFAULT_CONTINUE_PROMPT, initialChatStreamState, type ChatEngineOptions, type ChatStreamState } from "./chatTypes";
import type { OnlineSource } from "../onlineSource";
import { continuation, strip, type PlannedAnswer } from "./plannedAnswer";
import { promptMessages } from "./promptMessages";

export type { ChatEngine, ResendOptions } from "./chatEngine";

/** Creates a chat engine reading its client and options live (the latest render's). */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null = null): ChatEngine {
  const persistence = getOptions().persist ?? null;
  let restoring = false;
  let mounted = false;
  let queueIds = 0;

  // The page may go away (a reload, a closed tab): what is pending is written, and nothing after it.
  const leave = () => persistence?.flush(true);
  const back = () => persistence?.flush(false);
  // The store's hooks run after this factory returned: `check` is set by then.
  const store = createChatStore(
    () => {
      if (mounted) return;
      mounted = true;
      globalThis.addEventListener?.("pagehide", leave);
      globalThis.addEventListener?.("pageshow", back);
      check.mount();
    },
    (next, prev) => {
      if (!restoring && next.state !== prev.state) persistence?.save(next.state, next.startedAt);
      if (next.check !== prev.check) check.changed();
      // An answer ended (settled or stopped): the queue goes on or pauses once a newer send had its chance to start.
      if (prev.run && !next.run && !next.disposed) queueMicrotask(() => advanceQueue(next.state.status === "done"));
    },
  );
  const { getState, dispatch, disposed, machine } = store;
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

  /** After an answer: a done one lets the queue go on, an unfinished one pauses it (nothing is dropped). */
  const advanceQueue = (done: boolean): void => {
    if (disposed() || busy() || getState().queue.length === 0) return;
    if (!done) return dispatch({ type: "pauseQueue", paused: true });
    dispatch({ type: "pauseQueue", paused: false });
    sendNext();
  };

  const sendNext = (): void => {
    const [next] = getState().queue;
    if (!next) return;
    dispatch({ type: "unqueue", id: next.id });
    void submit(next.input);
  };

  // A sync storage restores before the first render reads the state; an async one a moment later.
  void persistence?.load(restore);

  return {
    getState,
    subscribe: store.subscribe,
    getServerState: () => initialChatStreamState,
    send(input) {
      const policy = getOptions().whenBusy ?? "interrupt";
      const held = policy !== "interrupt" && (busy() || getState().queue.length > 0);
      if (!held) return submit(input);
      const pending = scheduled();
      if (pending?.input !== undefined && sameInput(pending.input, input)) return pending.done;
      try {
        promptMessages(input, "chat");
      } catch (error) {
        return refuse(error);
      }
      if (policy === "queue") dispatch({ type: "enqueue", item: { id: ++queueIds, text: previewOf(input), input } });
      return Promise.resolve();
    },
    stop,
    retry: (options) => resend(options, (plan) => schedule({ ...plan })),
    continue: (options) =>
      resend(options, (plan) => {
        const { messages, text } = getState();
        return schedule(text ? continuation(messages, text, getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT) : { ...plan });
      }),
    cancelQueued: (id) => dispatch({ type: "unqueue", id }),
    resumeQueue() {
      dispatch({ type: "pauseQueue", paused: false });
      if (!busy()) sendNext();
    },
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
      globalThis.removeEventListener?.("pagehide", leave);
      globalThis.removeEventListener?.("pageshow", back);
      if (job && getOptions().autoFailJob !== false) void failJob(getClient(), job, abortError({ endpoint: "streamLLMCall" }));
    },
  };
}
