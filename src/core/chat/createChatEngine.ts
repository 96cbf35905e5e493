import { randomId } from "../abortable";
import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { afterAnswer, failJob } from "./answerEffects";
import { previewOf, sameInput } from "./busyPolicy";
import { ChatStore } from "./chatStore";
import { DEFAULT_CONTINUE_PROMPT, type ChatEngineOptions, type ChatStreamMessage } from "./chatTypes";
import { promptMessages } from "./promptMessages";
import { runAnswer, type AnswerRequest } from "./runAnswer";

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

const strip = (messages: ChatStreamMessage[]): ChatMessage[] => messages.map(({ interrupted: _i, ...m }) => m);

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

  constructor(
    private readonly getClient: () => SaaSLLMClient,
    private readonly getOptions: () => ChatEngineOptions,
  ) {
    super();
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

  /** Starts the last answer over; the partial text is replaced, never duplicated. */
  retry(): Promise<void> {
    return this.lastRun ? this.schedule({ ...this.lastRun }) : Promise.resolve();
  }

  /** Sends the conversation with the partial answer and asks the model to go on; new text is appended. */
  continue(): Promise<void> {
    const { messages, text } = this.getState();
    if (!this.lastRun || !text) return this.retry();
    const before = messages[messages.length - 1]?.role === "assistant" ? messages.slice(0, -1) : messages;
    const prompt = this.getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT;
    return this.schedule({ conversation: before, request: [...strip(before), { role: "assistant", content: text }, { role: "user", content: prompt }], base: text });
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
    this.abortActive();
    this.lastRun = null;
    this.dispatch({ type: "reset" });
  }

  /** The owner went away: stop, close an in-job answer's job, and refuse every later send. */
  dispose(): void {
    this.queued = null;
    const job = this.active?.job;
    this.stop();
    this.dispatch({ type: "dispose" });
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
    const clientRequestId = options.job === undefined ? randomId() : null;
    const jobId = typeof options.job === "string" ? options.job : (options.job?.jobId ?? null);
    this.dispatch({ type: "send", runId: run.id, conversation: planned.conversation, base: planned.base, jobId, clientRequestId });
    const outcome = await runAnswer(this.getClient(), options, planned, {
      signal: run.abort.signal,
      clientRequestId,
      onOpen: (id) => this.dispatch({ type: "open", runId: run.id, jobId: id }),
      onWait: (wait) => this.dispatch({ type: "wait", runId: run.id, wait }),
      onText: (text, chunkCount) => this.dispatch({ type: "text", runId: run.id, text, chunkCount }),
      onToken: (delta) => this.getOptions().onToken?.(delta),
      bindFlush: (flush) => void (run.flush = flush),
    });
    if (this.active === run) this.active = null;
    this.dispatch({ type: "settle", runId: run.id, outcome });
    afterAnswer(this.getClient(), options, this.getOptions(), outcome);
    this.advanceQueue(outcome.kind === "done");
  }
}

/** Creates a chat engine reading its client and options live (the latest render's). */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions): ChatEngine {
  return new ChatEngine(getClient, getOptions);
}
