import { randomId } from "../abortable";
import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { afterAnswer, failJob } from "./answerEffects";
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
  private queued: { next: Planned; done: Promise<void> } | null = null;

  constructor(
    private readonly getClient: () => SaaSLLMClient,
    private readonly getOptions: () => ChatEngineOptions,
  ) {
    super();
  }

  /** Sends a prompt (appended to the conversation) or a whole message list (replaces it). Bad input gives a `bad_request` state and sends nothing. */
  send(input: string | ChatMessage[]): Promise<void> {
    try {
      const conversation = typeof input === "string" ? [...this.getState().messages, ...promptMessages(input, "chat")] : promptMessages(input, "chat");
      return this.schedule({ conversation, request: strip(conversation), base: "" });
    } catch (error) {
      if (!isSaaSLLMError(error)) throw error;
      this.dispatch({ type: "refuse", error });
      this.getOptions().onError?.(error);
      return Promise.resolve();
    }
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

  private schedule(next: Planned): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.queued) return (this.queued.next = next), this.queued.done;
    const entry: { next: Planned; done: Promise<void> } = { next, done: Promise.resolve() };
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
  }
}

/** Creates a chat engine reading its client and options live (the latest render's). */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions): ChatEngine {
  return new ChatEngine(getClient, getOptions);
}
