import { randomId } from "../../core/abortable";
import type { SaaSLLMClient } from "../../core/createSaaSLLMClient";
import { isSaaSLLMError, SaaSLLMError } from "../../core/SaaSLLMError";
import type { ChatMessage, ChatStreamEvent } from "../../core/types";
import { isJobHandle } from "../jobHandle";
import { DEFAULT_CONTINUE_PROMPT, type ChatStreamOptions } from "./chatStreamOptions";
import { initialChatStreamState, type ChatStreamMessage, type ChatStreamStore } from "./chatStreamStore";
import { createFlushScheduler } from "./frameScheduler";
import { failStreamJob, sweepAfterSuccess, type StreamJobTarget } from "./streamJobCleanup";

interface Run {
  /** The conversation shown before the assistant answer. */
  conversation: ChatStreamMessage[];
  /** What is sent: the conversation plus, for `continue()`, the partial answer and a continue prompt. */
  request: ChatMessage[];
  /** Text the answer starts from (the partial answer when continuing). */
  base: string;
}

const strip = (messages: ChatStreamMessage[]): ChatMessage[] => messages.map(({ interrupted: _i, ...m }) => m);

/**
 * The framework-free engine behind `useChatStream`: runs one answer at a time into a store, batches text
 * to one store update per frame, keeps partial text on failure, and does the job bookkeeping.
 */
export function createChatStreamController(store: ChatStreamStore, getClient: () => SaaSLLMClient, getOptions: () => ChatStreamOptions) {
  let generation = 0;
  let controller: AbortController | null = null;
  let last: Run | null = null;
  let inFlight: StreamJobTarget | null = null;

  // Requests asked for in the same tick are coalesced (the last wins): StrictMode's double effect, or
  // send() called twice by one handler, sends a single request.
  let queued: { next: Run; done: Promise<void> } | null = null;
  let disposed = false;
  function schedule(next: Run): Promise<void> {
    if (disposed) return Promise.resolve();
    if (queued) {
      queued.next = next;
      return queued.done;
    }
    const entry = { next, done: Promise.resolve() };
    queued = entry;
    entry.done = Promise.resolve().then(() => {
      if (queued !== entry || disposed) return;
      queued = null;
      return run(entry.next);
    });
    return entry.done;
  }

  async function run(next: Run): Promise<void> {
    const gen = ++generation;
    // A newer answer supersedes a running one: abort it and close the job it would leave open.
    const superseded = inFlight;
    inFlight = null;
    controller?.abort();
    if (superseded && getOptions().autoFailJob !== false && !isJobHandle(getOptions().job)) void failStreamJob(getClient(), superseded, null);
    const ac = (controller = new AbortController());
    last = next;
    const options = getOptions();
    const client = getClient();
    let text = next.base;
    let pending: string[] = [];
    let chunkCount = 0;
    const publish = () => {
      if (gen !== generation) return;
      if (pending.length) {
        text += pending.join("");
        pending = [];
      }
      store.setState({ text, chunkCount, status: "streaming" });
    };
    const scheduler = createFlushScheduler(publish, options.throttleMs);
    const onEvent = (event: ChatStreamEvent) => {
      if (gen !== generation) return;
      if (event.type === "text") {
        pending.push(event.text);
        chunkCount++;
        getOptions().onToken?.(event.text);
        scheduler.schedule();
      }
    };
    const assistant = (content: string, interrupted?: boolean): ChatStreamMessage[] => (content || interrupted ? [{ role: "assistant", content, ...(interrupted ? { interrupted } : {}) }] : []);
    store.setState({ ...initialChatStreamState, status: "connecting", text: next.base, messages: [...next.conversation, ...assistant(next.base)], jobId: store.getState().jobId });

    const job = options.job;
    const singleShot = job === undefined;
    const clientRequestId = singleShot ? randomId() : null;
    const target: StreamJobTarget = { jobId: typeof job === "string" ? job : (job?.jobId ?? null), clientRequestId, singleShot, opened: false };
    inFlight = target;
    const messages = options.system ? [{ role: "system", content: options.system }, ...next.request] : next.request;
    const callOptions = { signal: ac.signal, onEvent, retry: options.retry ?? true, onOpen: ({ jobId }: { jobId: string | null }) => {
        target.opened = true;
        if (gen !== generation || !jobId) return;
        target.jobId = jobId;
        store.setState({ jobId });
      } };
    try {
      const jobId = isJobHandle(job) ? await job.ensureJob() : job;
      if (jobId) target.jobId = jobId;
      const result = jobId
        ? await client.streamLLMCall(jobId, { ...options.params, model: options.model, messages }, callOptions)
        : await client.streamCreateAndCall({ ...options.params, model: options.model, messages, job_type: options.jobType ?? "chat", user_id: options.userId, job_metadata: { ...options.jobMetadata, client_request_id: clientRequestId } }, callOptions);
      if (gen !== generation) return;
      scheduler.flushNow();
      inFlight = null;
      store.setState({ status: "done", text, messages: [...next.conversation, ...assistant(text)], jobId: result.jobId ?? jobId ?? null, clientRequestId, finishReason: result.finishReason, usage: result.usage });
      if (isJobHandle(job)) job.reportCallSuccess();
      if (singleShot && options.autoFailJob !== false) sweepAfterSuccess(client, clientRequestId);
      getOptions().onFinish?.({ text, isAbort: false, isDisconnect: false, isError: false, isInterrupted: false, error: null });
    } catch (raw) {
      scheduler.cancel();
      if (gen !== generation) return; // superseded by a newer send or disposed: that path owns the state
      publish();
      const failed = inFlight;
      inFlight = null;
      const error = (isSaaSLLMError(raw) ? raw : new SaaSLLMError({ kind: "bad_response", message: "The stream failed unexpectedly", cause: raw })).with({ partialText: text });
      const aborted = error.kind === "aborted";
      const interrupted = error.kind === "stream_interrupted";
      store.setState({
        status: aborted ? "stopped" : interrupted ? "interrupted" : "error",
        error: aborted ? null : error,
        text,
        clientRequestId,
        messages: [...next.conversation, ...assistant(text, text !== "" || interrupted)],
      });
      if (!aborted) {
        if (isJobHandle(job)) job.reportCallError(error);
        else if (options.autoFailJob !== false && failed) void failStreamJob(getClient(), failed, error);
        getOptions().onError?.(error);
      } else if (failed?.singleShot && options.autoFailJob !== false) {
        // A stopped single-shot answer is over: the server would keep its job IN_PROGRESS forever.
        void failStreamJob(getClient(), failed, null);
      }
      getOptions().onFinish?.({ text, isAbort: aborted, isDisconnect: interrupted, isError: !aborted && !interrupted, isInterrupted: interrupted, error: aborted ? null : error });
    }
  }

  return {
    send(input: string | ChatMessage[]): Promise<void> {
      const current = store.getState().messages;
      const conversation = typeof input === "string" ? [...current, { role: "user", content: input }] : input;
      return schedule({ conversation, request: strip(conversation), base: "" });
    },
    /** Starts the last answer over; the partial text is replaced, never duplicated. */
    retry(): Promise<void> {
      return last ? schedule({ ...last }) : Promise.resolve();
    },
    /** Sends the conversation with the partial answer and asks the model to go on; new text is appended. */
    continue(): Promise<void> {
      const { messages, text } = store.getState();
      if (!last || !text) return this.retry();
      const before = messages[messages.length - 1]?.role === "assistant" ? messages.slice(0, -1) : messages;
      const prompt = getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT;
      return schedule({ conversation: before, request: [...strip(before), { role: "assistant", content: text }, { role: "user", content: prompt }], base: text });
    },
    stop(): void {
      controller?.abort();
    },
    reset(): void {
      queued = null;
      generation++;
      controller?.abort();
      last = null;
      store.setState({ ...initialChatStreamState });
    },
    /** Unmount: abort the request and close any job it would leave open. */
    dispose(): void {
      queued = null;
      disposed = true;
      if (!controller || controller.signal.aborted) return;
      const open = inFlight;
      generation++;
      controller.abort();
      inFlight = null;
      if (store.getState().status === "connecting" || store.getState().status === "streaming") store.setState({ status: "stopped" });
      if (open && getOptions().autoFailJob !== false && !isJobHandle(getOptions().job)) void failStreamJob(getClient(), open, null);
    },
  };
}

export type ChatStreamController = ReturnType<typeof createChatStreamController>;
