import { randomId } from "../abortable";
import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { abortError } from "../errorFactories";
import { isJobHandle } from "../jobs/jobHandle";
import { isSaaSLLMError, type SaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { chatReducer, initialChatMachine, type ChatAction, type ChatMachine, type ChatOutcome } from "./chatReducer";
import { DEFAULT_CONTINUE_PROMPT, type ChatEngineOptions, type ChatStreamMessage, type ChatStreamState } from "./chatTypes";
import { promptMessages } from "./promptMessages";
import { runAnswer, type AnswerRequest } from "./runAnswer";

/** The one active run: its id in the machine, how to abort it, and what it sent (for `retry`). */
interface ActiveRun {
  id: number;
  abort: AbortController;
  /** Publishes text received but not yet shown. */
  flush: () => void;
  /** The job id given as a string (closed as failed when its owner goes away mid-answer). */
  job: string | null;
}

interface Planned extends AnswerRequest {
  conversation: ChatStreamMessage[];
}

const strip = (messages: ChatStreamMessage[]): ChatMessage[] => messages.map(({ interrupted: _i, ...m }) => m);

/**
 * The framework-free chat engine: the `chatReducer` machine, one active run, and the effects around it
 * (streaming, callbacks, closing an in-job answer's job). `useChatStream` only binds it to React.
 */
export function createChatEngine(getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions) {
  let machine: ChatMachine = initialChatMachine;
  const listeners = new Set<(next: ChatStreamState, prev: ChatStreamState) => void>();
  const dispatch = (action: ChatAction) => {
    const prev = machine.state;
    machine = chatReducer(machine, action);
    if (machine.state !== prev) for (const listener of listeners) listener(machine.state, prev);
  };
  let active: ActiveRun | null = null;
  let lastRun: Planned | null = null;
  let nextId = 0;

  // Sends asked for in the same tick are coalesced (the last wins): StrictMode's double effect, or two
  // send() calls in one handler, make a single request.
  let queued: { next: Planned; done: Promise<void> } | null = null;
  function schedule(next: Planned): Promise<void> {
    if (machine.disposed) return Promise.resolve();
    if (queued) return (queued.next = next), queued.done;
    const entry: { next: Planned; done: Promise<void> } = { next, done: Promise.resolve() };
    queued = entry;
    entry.done = Promise.resolve().then(() => {
      if (queued !== entry) return;
      queued = null;
      return start(entry.next);
    });
    return entry.done;
  }

  function abortActive(): void {
    active?.abort.abort();
    active = null;
  }

  async function start(planned: Planned): Promise<void> {
    if (machine.disposed) return;
    // A newer answer supersedes a running one: it is stopped first (the client closes what it leaves open).
    stopRun();
    const options = getOptions();
    const run: ActiveRun = { id: ++nextId, abort: new AbortController(), flush: () => undefined, job: typeof options.job === "string" ? options.job : null };
    active = run;
    lastRun = planned;
    const clientRequestId = options.job === undefined ? randomId() : null;
    const jobId = typeof options.job === "string" ? options.job : (options.job?.jobId ?? null);
    dispatch({ type: "send", runId: run.id, conversation: planned.conversation, base: planned.base, jobId, clientRequestId });
    const outcome = await runAnswer(getClient(), options, planned, {
      signal: run.abort.signal,
      clientRequestId,
      onOpen: (id) => dispatch({ type: "open", runId: run.id, jobId: id }),
      onText: (text, chunkCount) => dispatch({ type: "text", runId: run.id, text, chunkCount }),
      onToken: (delta) => getOptions().onToken?.(delta),
      bindFlush: (flush) => void (run.flush = flush),
    });
    if (active === run) active = null;
    dispatch({ type: "settle", runId: run.id, outcome });
    afterRun(options, outcome);
  }

  /** Effects of an ended run: the in-job bookkeeping and the callbacks. (Single-shot jobs are closed by the client.) */
  function afterRun(options: ChatEngineOptions, outcome: ChatOutcome): void {
    const { job } = options;
    if (outcome.kind === "done") {
      if (isJobHandle(job)) job.reportCallSuccess();
      return void getOptions().onFinish?.({ text: outcome.text, isAbort: false, isDisconnect: false, isError: false, isInterrupted: false, error: null });
    }
    const { error, text } = outcome;
    const aborted = error.kind === "aborted";
    const interrupted = error.kind === "stream_interrupted";
    if (!aborted && isJobHandle(job)) job.reportCallError(error);
    // A stopped in-job answer leaves the job to its owner; a failed one is closed as failed.
    if (!aborted && typeof job === "string" && options.autoFailJob !== false) void failJob(job, error);
    if (!aborted) getOptions().onError?.(error);
    getOptions().onFinish?.({ text, isAbort: aborted, isDisconnect: interrupted, isError: !aborted && !interrupted, isInterrupted: interrupted, error: aborted ? null : error });
  }

  function failJob(jobId: string, error: SaaSLLMError): Promise<unknown> {
    const message = error.kind === "aborted" ? "Stream abandoned by the client" : `${error.kind}: ${error.message}`;
    return getClient().completeJob(jobId, { status: "failed", error_message: message.slice(0, 900) }).catch(() => undefined);
  }

  /** Shows every character received, then stops: the run's own settle is ignored once the machine has stopped it. */
  function stopRun(): void {
    if (!active) return;
    active.flush();
    abortActive();
    dispatch({ type: "stop" });
  }

  function refuse(error: unknown): Promise<void> {
    if (!isSaaSLLMError(error)) throw error;
    dispatch({ type: "refuse", error });
    getOptions().onError?.(error);
    return Promise.resolve();
  }

  return {
    getState: (): ChatStreamState => machine.state,
    subscribe(listener: (next: ChatStreamState, prev: ChatStreamState) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Sends a prompt (appended to the conversation) or a whole message list (replaces it). Never throws: bad input gives a `bad_request` state. */
    send(input: string | ChatMessage[]): Promise<void> {
      try {
        const conversation = typeof input === "string" ? [...machine.state.messages, ...promptMessages(input, "chat")] : promptMessages(input, "chat");
        return schedule({ conversation, request: strip(conversation), base: "" });
      } catch (error) {
        return refuse(error);
      }
    },
    /** Starts the last answer over; the partial text is replaced, never duplicated. */
    retry(): Promise<void> {
      return lastRun ? schedule({ ...lastRun }) : Promise.resolve();
    },
    /** Sends the conversation with the partial answer and asks the model to go on; new text is appended. */
    continue(): Promise<void> {
      const { messages, text } = machine.state;
      if (!lastRun || !text) return this.retry();
      const before = messages[messages.length - 1]?.role === "assistant" ? messages.slice(0, -1) : messages;
      const prompt = getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT;
      return schedule({ conversation: before, request: [...strip(before), { role: "assistant", content: text }, { role: "user", content: prompt }], base: text });
    },
    stop: stopRun,
    /** Stops and clears everything (the aborted answer's job is closed like any stopped one). */
    reset(): void {
      queued = null;
      abortActive();
      lastRun = null;
      dispatch({ type: "reset" });
    },
    /** The owner went away: stop, and refuse every later send. */
    dispose(): void {
      queued = null;
      const job = active?.job;
      stopRun();
      dispatch({ type: "dispose" });
      if (job && getOptions().autoFailJob !== false) void failJob(job, abortError({ endpoint: "streamLLMCall" }));
    },
  };
}

export type ChatEngine = ReturnType<typeof createChatEngine>;
