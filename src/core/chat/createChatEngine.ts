import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { failJob } from "../jobs/failJob";
import { createAnswerCheck } from "./answerCheck";
import { fateUnknown, needsChargeConsent } from "../calls/answerOutcome";
import { previewOf, sameInput } from "./busyPolicy";
import type { ChatOutcome } from "./chatReducer";
import { createChatRunner } from "./chatRunner";
import { createChatStore } from "./chatStore";
import type { ChatEngine, ResendOptions } from "./chatEngine";
import { DEFAULT_CONTINUE_PROMPT, initialChatStreamState, type ChatEngineOptions, type ChatStreamState } from "./chatTypes";
import type { OnlineSource } from "../onlineSource";
import { continuation, plannedFrom, strip, type PlannedAnswer } from "./plannedAnswer";
import { promptMessages } from "./promptMessages";
import { reasonOfOutcome } from "./unfinishedReason";

export type { ChatEngine, ResendOptions } from "./chatEngine";

/** Creates a chat engine reading its client and options live (the latest render's). */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null = null): ChatEngine {
  const persistence = getOptions().persist ?? null;
  let restoring = false;
  let mounted = false;
  let queueIds = 0;
  /** The answer `retry` sends again. */
  let lastRun: PlannedAnswer | null = null;
  /** When the shown answer started (persisted: bounds the job lookup after a reload). */
  let startedAt: number | null = null;

  const flushStorage = () => persistence?.flush();
  // `attached` runs on the first subscribe, after this factory returned: `check` is set by then.
  const store = createChatStore(
    () => {
      if (mounted) return;
      mounted = true;
      // The page may go away mid-answer (reload, tab closed): write what is pending while it still can.
      globalThis.addEventListener?.("pagehide", flushStorage);
      check.mount();
    },
    (next) => void (restoring || persistence?.save(next, startedAt)),
  );
  const { getState, dispatch, disposed } = store;
  /** The job lookup of an answer whose end was not seen. */
  const check = createAnswerCheck(getClient, (outcome) => dispatch({ type: "outcome", outcome }));

  const starting = (planned: PlannedAnswer, at: number) => {
    lastRun = planned;
    startedAt = at;
    check.cancel();
  };

  /**
   * A single-shot answer stopped, cut or timed out may still be finished, and charged, by the server: the check
   * learns what it did (unless a newer answer replaced it). A done one lets the queue go on.
   */
  const settled = (outcome: ChatOutcome, clientRequestId: string | null, at: number) => {
    const shown = at === startedAt;
    if (shown && outcome.kind === "failed" && clientRequestId && fateUnknown(reasonOfOutcome(outcome))) check.schedule(clientRequestId, at, outcome.error);
    advanceQueue(outcome.kind === "done");
  };

  const { stop, abort, schedule, scheduled, unschedule, busy, activeJob } = createChatRunner(store, getClient, getOptions, online, starting, settled);

  /** Lays a stored chat over an untouched one; writes nothing back (it may run during a render). */
  const restore = (state: ChatStreamState, at: number | null) => {
    const before = getState();
    restoring = true;
    try {
      dispatch({ type: "restore", state });
      if (getState() === before) return;
      lastRun = plannedFrom(state.messages);
      startedAt = at;
      const { status, reason, clientRequestId } = state;
      if (status === "interrupted" && fateUnknown(reason) && clientRequestId) check.schedule(clientRequestId, at ?? Date.now(), { partialText: state.text });
    } finally {
      restoring = false;
    }
  };

  /** Re-sends only once the last answer's fate is known, and only with consent when it was charged. */
  const resend = async (options: ResendOptions | undefined, go: () => Promise<void>): Promise<void> => {
    await check.settled();
    if (needsChargeConsent(getState().outcome) && !options?.chargeAgain) return;
    return go();
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
    retry: (options) => resend(options, () => (lastRun ? schedule({ ...lastRun }) : Promise.resolve())),
    continue: (options) =>
      resend(options, () => {
        const { messages, text } = getState();
        if (!lastRun) return Promise.resolve();
        return schedule(text ? continuation(messages, text, getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT) : { ...lastRun });
      }),
    cancelQueued: (id) => dispatch({ type: "unqueue", id }),
    resumeQueue() {
      dispatch({ type: "pauseQueue", paused: false });
      if (!busy()) sendNext();
    },
    reset() {
      unschedule();
      check.cancel();
      abort();
      lastRun = null;
      startedAt = null;
      dispatch({ type: "reset" });
    },
    dispose() {
      unschedule();
      const job = activeJob();
      stop();
      dispatch({ type: "dispose" });
      persistence?.dispose();
      globalThis.removeEventListener?.("pagehide", flushStorage);
      if (job && getOptions().autoFailJob !== false) void failJob(getClient(), job, abortError({ endpoint: "streamLLMCall" }));
    },
  };
}
