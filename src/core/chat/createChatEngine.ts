import { randomId } from "../abortable";
import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { isSaaSLLMError, SaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { afterAnswer, failJob } from "./answerEffects";
import { fateUnknown, needsChargeConsent, reconcileAnswer } from "./answerOutcome";
import { previewOf, sameInput } from "./busyPolicy";
import { ChatStore } from "./chatStore";
import { DEFAULT_CONTINUE_PROMPT, initialChatStreamState, type ChatEngineOptions, type ChatStreamMessage, type ChatStreamState } from "./chatTypes";
import { DEFAULT_OFFLINE_WINDOW_MS, waitForNetwork, type OnlineSource } from "../onlineSource";
import type { ChatPersister } from "./persist/chatPersister";
import { promptMessages } from "./promptMessages";
import { runAnswer, type AnswerRequest } from "./runAnswer";
import { reasonOfError } from "./unfinishedReason";

/** The one active run: its id in the machine, how to abort it, how to show its pending text, and its job. */
interface ActiveRun {
  id: number;
  abort: AbortController;
  flush: () => void;
  /** A job given by id: closed as failed when its owner goes away mid-answer. */
  job: string | null;
}

interface Planned extends AnswerRequest {
  conversation: ChatStreamMessage[];
}

const strip = (messages: ChatStreamMessage[]): ChatMessage[] => messages.map(({ interrupted: _i, reason: _r, ...m }) => m);

/** `retry()` and `continue()` after an answer the server may have charged. */
export interface ResendOptions {
  /** The user chose to send again although the lost answer was (or may have been) charged. */
  chargeAgain?: boolean;
}

/** The answer to re-send for a restored conversation: everything up to its last prompt. */
function plannedFrom(messages: ChatStreamMessage[]): Planned | null {
  const conversation = messages[messages.length - 1]?.role === "assistant" ? messages.slice(0, -1) : messages;
  return conversation.length ? { conversation, request: strip(conversation), base: "" } : null;
}

/**
 * The framework-free chat engine: the `chatReducer` machine (in a {@link ChatStore}), one active run, and
 * the effects around it. `useChatStream` only binds it to React. No method throws.
 */
export class ChatEngine extends ChatStore {
  private active: ActiveRun | null = null;
  private lastRun: Planned | null = null;
  private nextId = 0;
  /** Sends asked for in the same tick are coalesced (the last wins): StrictMode's double effect makes one request. */
  private queued: { next: Planned; input?: string | ChatMessage[]; done: Promise<void> } | null = null;
  private queueIds = 0;
  /** When the shown answer started (persisted: bounds the job lookup after a reload). */
  private startedAt: number | null = null;
  private readonly persistence: ChatPersister | null;
  private restoring = false;
  /** A lookup of the shown answer's job, running or due once mounted. */
  private check: { clientRequestId: string; since: number; running: Promise<void> | null } | null = null;
  private mounted = false;

  constructor(
    private readonly getClient: () => SaaSLLMClient,
    private readonly getOptions: () => ChatEngineOptions,
    private readonly online: OnlineSource | null = null,
  ) {
    super();
    this.persistence = getOptions().persist ?? null;
    // A sync storage restores before the first render reads the state; an async one a moment later.
    void this.persistence?.load((state, startedAt) => this.restore(state, startedAt));
  }

  /** The state before any restore: what a server rendered, so a hydrating client renders the same. */
  readonly getServerState = () => initialChatStreamState;

  protected override attached(): void {
    if (this.mounted) return;
    this.mounted = true;
    // The page may go away mid-answer (reload, tab closed): write what is pending while it still can.
    globalThis.addEventListener?.("pagehide", this.flushStorage);
    this.runCheck();
  }

  protected override changed(next: ChatStreamState): void {
    if (!this.restoring) this.persistence?.save(next, this.startedAt);
  }

  private readonly flushStorage = () => this.persistence?.flush();

  private restore(state: ChatStreamState, startedAt: number | null): void {
    this.restoring = true;
    const before = this.getState();
    this.dispatch({ type: "restore", state });
    this.restoring = false;
    if (this.getState() === before) return;
    this.lastRun = plannedFrom(state.messages);
    this.startedAt = startedAt;
    const { status, reason, clientRequestId } = state;
    if (status === "interrupted" && fateUnknown(reason) && clientRequestId) this.scheduleCheck(clientRequestId, startedAt ?? Date.now());
  }

  /** Looks the shown answer's jobs up (once mounted: never from a render), closing open ones. */
  private scheduleCheck(clientRequestId: string, since: number): void {
    this.check = { clientRequestId, since, running: null };
    this.dispatch({ type: "outcome", outcome: { status: "checking" } });
    if (this.mounted) this.runCheck();
  }

  private runCheck(): void {
    const check = this.check;
    if (!check || check.running) return;
    check.running = reconcileAnswer(this.getClient(), check.clientRequestId, check.since).then((outcome) => {
      if (this.check !== check) return;
      this.check = null;
      this.dispatch({ type: "outcome", outcome });
    });
  }

  /** Re-sends only once the last answer's fate is known, and only with consent when it was charged. */
  private async resend(options: ResendOptions | undefined, go: () => Promise<void>): Promise<void> {
    const check = this.check;
    if (check) {
      this.runCheck();
      await check.running;
    }
    if (needsChargeConsent(this.getState().outcome) && !options?.chargeAgain) return;
    return go();
  }

  /**
   * Sends a prompt (appended to the conversation) or a whole message list (replaces it). Bad input gives a
   * `bad_request` state and sends nothing. While an answer runs, `whenBusy` decides (interrupt, queue, reject).
   */
  send(input: string | ChatMessage[]): Promise<void> {
    const policy = this.getOptions().whenBusy ?? "interrupt";
    const held = policy !== "interrupt" && (this.active !== null || this.queued !== null || this.getState().queue.length > 0);
    if (!held) return this.submit(input);
    if (this.queued?.input !== undefined && sameInput(this.queued.input, input)) return this.queued.done;
    try {
      promptMessages(input, "chat");
    } catch (error) {
      return this.refuse(error);
    }
    if (policy === "queue") this.dispatch({ type: "enqueue", item: { id: ++this.queueIds, text: previewOf(input), input } });
    return Promise.resolve();
  }

  /** Takes a held send out of the queue; nothing is sent for it. */
  cancelQueued(id: number): void {
    this.dispatch({ type: "unqueue", id });
  }

  /** Sends the queue's next send after an unfinished answer paused it. */
  resumeQueue(): void {
    this.dispatch({ type: "pauseQueue", paused: false });
    if (!this.active && !this.queued) this.sendNext();
  }

  private submit(input: string | ChatMessage[]): Promise<void> {
    try {
      const conversation = typeof input === "string" ? [...this.getState().messages, ...promptMessages(input, "chat")] : promptMessages(input, "chat");
      return this.schedule({ conversation, request: strip(conversation), base: "" }, input);
    } catch (error) {
      return this.refuse(error);
    }
  }

  private refuse(error: unknown): Promise<void> {
    if (!isSaaSLLMError(error)) throw error;
    this.dispatch({ type: "refuse", error });
    this.getOptions().onError?.(error);
    return Promise.resolve();
  }

  /** After an answer: a done one lets the queue go on, an unfinished one pauses it (nothing is dropped). */
  private advanceQueue(done: boolean): void {
    if (this.disposed || this.active || this.queued || this.getState().queue.length === 0) return;
    if (!done) return this.dispatch({ type: "pauseQueue", paused: true });
    this.dispatch({ type: "pauseQueue", paused: false });
    this.sendNext();
  }

  private sendNext(): void {
    const [next] = this.getState().queue;
    if (!next) return;
    this.dispatch({ type: "unqueue", id: next.id });
    void this.submit(next.input);
  }

  /**
   * Starts the last answer over; the partial text is replaced, never duplicated. After an answer of unknown
   * fate it waits for the job lookup; when that answer was charged (or may have been), it sends only with
   * `{ chargeAgain: true }`: two charges for one prompt are the user's choice, never a side effect.
   */
  retry(options?: ResendOptions): Promise<void> {
    return this.resend(options, () => (this.lastRun ? this.schedule({ ...this.lastRun }) : Promise.resolve()));
  }

  /** Sends the conversation with the partial answer and asks the model to go on; new text is appended. Same consent rule as `retry`. */
  continue(options?: ResendOptions): Promise<void> {
    return this.resend(options, () => {
      const { messages, text } = this.getState();
      if (!this.lastRun || !text) return this.lastRun ? this.schedule({ ...this.lastRun }) : Promise.resolve();
      const before = messages[messages.length - 1]?.role === "assistant" ? messages.slice(0, -1) : messages;
      const prompt = this.getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT;
      return this.schedule({ conversation: before, request: [...strip(before), { role: "assistant", content: text }, { role: "user", content: prompt }], base: text });
    });
  }

  /** Shows every character received, then stops; the client closes what the answer leaves open. */
  stop(): void {
    if (!this.active) return;
    this.active.flush();
    this.abortActive();
    this.dispatch({ type: "stop" });
  }

  /** Stops and clears everything: nothing of the old answer can land afterwards. */
  reset(): void {
    this.queued = null;
    this.check = null;
    this.abortActive();
    this.lastRun = null;
    this.startedAt = null;
    this.dispatch({ type: "reset" });
  }

  /** The owner went away: stop, close an in-job answer's job, and refuse every later send. */
  dispose(): void {
    this.queued = null;
    const job = this.active?.job;
    this.stop();
    this.dispatch({ type: "dispose" });
    this.persistence?.dispose();
    globalThis.removeEventListener?.("pagehide", this.flushStorage);
    if (job && this.getOptions().autoFailJob !== false) void failJob(this.getClient(), job, abortError({ endpoint: "streamLLMCall" }));
  }

  private abortActive(): void {
    this.active?.abort.abort();
    this.active = null;
  }

  private schedule(next: Planned, input?: string | ChatMessage[]): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.queued) return Object.assign(this.queued, { next, input }).done;
    const entry: { next: Planned; input?: string | ChatMessage[]; done: Promise<void> } = { next, input, done: Promise.resolve() };
    this.queued = entry;
    entry.done = Promise.resolve().then(() => {
      if (this.queued !== entry) return;
      this.queued = null;
      return this.start(entry.next);
    });
    return entry.done;
  }

  private async start(planned: Planned): Promise<void> {
    if (this.disposed) return;
    // A newer answer supersedes a running one: that one is stopped first.
    this.stop();
    const options = this.getOptions();
    const run: ActiveRun = { id: ++this.nextId, abort: new AbortController(), flush: () => undefined, job: typeof options.job === "string" ? options.job : null };
    this.active = run;
    this.lastRun = planned;
    this.check = null;
    this.startedAt = Date.now();
    const clientRequestId = options.job === undefined ? randomId() : null;
    const jobId = typeof options.job === "string" ? options.job : (options.job?.jobId ?? null);
    this.dispatch({ type: "send", runId: run.id, conversation: planned.conversation, base: planned.base, jobId, clientRequestId });
    if (!(await this.whenOnline(run))) return;
    const outcome = await runAnswer(this.getClient(), options, planned, {
      signal: run.abort.signal,
      clientRequestId,
      onOpen: (id) => this.dispatch({ type: "open", runId: run.id, jobId: id }),
      onWait: (wait) => this.dispatch({ type: "wait", runId: run.id, wait }),
      onText: (text, chunkCount) => this.dispatch({ type: "text", runId: run.id, text, chunkCount }),
      onToken: (delta) => this.getOptions().onToken?.(delta),
      bindFlush: (flush) => void (run.flush = flush),
      online: this.onlineWindow(),
    });
    if (this.active === run) this.active = null;
    this.dispatch({ type: "settle", runId: run.id, outcome });
    afterAnswer(this.getClient(), options, this.getOptions(), outcome);
    // A single-shot answer cut or timed out may still have been finished, and charged, by the server.
    if (outcome.kind === "failed" && clientRequestId && fateUnknown(reasonOfError(outcome.error))) this.scheduleCheck(clientRequestId, this.startedAt);
    this.advanceQueue(outcome.kind === "done");
  }

  /**
   * Holds a send made offline (status `offline`) until the network is back; after the offline window it is
   * dropped with reason `offline` (nothing sent). False when the run ended here.
   */
  private onlineWindow(): { source: OnlineSource; windowMs: number } | undefined {
    const setting = this.getOptions().offline;
    return this.online && setting !== false ? { source: this.online, windowMs: setting?.windowMs ?? DEFAULT_OFFLINE_WINDOW_MS } : undefined;
  }

  private async whenOnline(run: ActiveRun): Promise<boolean> {
    const online = this.onlineWindow();
    if (!online || online.source.isOnline()) return true;
    const { windowMs } = online;
    const since = Date.now();
    this.dispatch({ type: "hold", runId: run.id, hold: { since, expiresAt: since + windowMs } });
    const result = await waitForNetwork(online.source, windowMs, run.abort.signal);
    if (result === "online") return this.dispatch({ type: "open", runId: run.id, jobId: null }), true;
    if (result === "expired") {
      const error = new SaaSLLMError({ kind: "network", message: `Not sent: the device was offline for more than ${Math.round(windowMs / 1000)} s` });
      const outcome = { kind: "failed", error, text: "", reason: "offline" } as const;
      if (this.active === run) this.active = null;
      this.dispatch({ type: "settle", runId: run.id, outcome });
      afterAnswer(this.getClient(), this.getOptions(), this.getOptions(), outcome);
      this.advanceQueue(false);
    }
    return false;
  }
}

/** Creates a chat engine reading its client and options live (the latest render's). */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null = null): ChatEngine {
  return new ChatEngine(getClient, getOptions, online);
}
