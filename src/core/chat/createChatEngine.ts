import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { failJob } from "./answerEffects";
import { createAnswerCheck } from "./answerCheck";
import { fateUnknown, needsChargeConsent } from "./answerOutcome";
import { previewOf, sameInput } from "./busyPolicy";
import { ChatRunner, type SettledRun } from "./chatRunner";
import { DEFAULT_CONTINUE_PROMPT, initialChatStreamState, type ChatEngineOptions, type ChatPersister, type ChatStreamState } from "./chatTypes";
import type { OnlineSource } from "../onlineSource";
import { continuation, plannedFrom, strip } from "./plannedAnswer";
import { promptMessages } from "./promptMessages";
import { reasonOfError } from "./unfinishedReason";

/** `retry()` and `continue()` after an answer the server may have charged. */
export interface ResendOptions {
  /** The user chose to send again although the lost answer was (or may have been) charged. */
  chargeAgain?: boolean;
}

/**
 * The framework-free chat engine: what to send (prompts, the busy policy's queue, retry, continue), the
 * consent a second charge needs, persistence, and the job lookup after an answer's end was not seen. It runs
 * answers through {@link ChatRunner}; `useChatStream` only binds it to React. No method throws.
 */
export class ChatEngine extends ChatRunner {
  private queueIds = 0;
  private readonly persistence: ChatPersister | null;
  private restoring = false;
  /** The job lookup of an answer whose end was not seen. */
  private readonly check = createAnswerCheck(() => this.getClient(), (outcome) => this.dispatch({ type: "outcome", outcome }));
  private mounted = false;

  constructor(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null = null) {
    super(getClient, getOptions, online);
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
    this.check.mount();
  }

  protected starting(): void {
    this.check.cancel();
  }

  /** A single-shot answer cut or timed out may still have been finished, and charged, by the server; a done one lets the queue go on. */
  protected settled({ outcome, clientRequestId, startedAt }: SettledRun): void {
    if (outcome.kind === "failed" && clientRequestId && fateUnknown(outcome.reason ?? reasonOfError(outcome.error))) this.check.schedule(clientRequestId, startedAt);
    this.advanceQueue(outcome.kind === "done");
  }

  protected override changed(next: ChatStreamState): void {
    if (!this.restoring) this.persistence?.save(next, this.startedAt);
  }

  private readonly flushStorage = () => this.persistence?.flush();

  /** Lays a stored chat over an untouched one; writes nothing back (it may run during a render). */
  private restore(state: ChatStreamState, startedAt: number | null): void {
    const before = this.getState();
    this.restoring = true;
    try {
      this.dispatch({ type: "restore", state });
      if (this.getState() === before) return;
      this.lastRun = plannedFrom(state.messages);
      this.startedAt = startedAt;
      const { status, reason, clientRequestId } = state;
      if (status === "interrupted" && fateUnknown(reason) && clientRequestId) this.check.schedule(clientRequestId, startedAt ?? Date.now());
    } finally {
      this.restoring = false;
    }
  }

  /** Re-sends only once the last answer's fate is known, and only with consent when it was charged. */
  private async resend(options: ResendOptions | undefined, go: () => Promise<void>): Promise<void> {
    await this.check.settled();
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
      if (!this.lastRun) return Promise.resolve();
      return this.schedule(text ? continuation(messages, text, this.getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT) : { ...this.lastRun });
    });
  }

  /** Stops and clears everything: nothing of the old answer can land afterwards. */
  reset(): void {
    this.queued = null;
    this.check.cancel();
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
}

/** Creates a chat engine reading its client and options live (the latest render's). */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null = null): ChatEngine {
  return new ChatEngine(getClient, getOptions, online);
}
