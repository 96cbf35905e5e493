import { randomId } from "../abortable";
import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { DEFAULT_OFFLINE_WINDOW_MS, waitForNetwork, type OnlineSource, type OnlineWindow } from "../onlineSource";
import { SaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { afterAnswer } from "./answerEffects";
import type { ChatOutcome } from "./chatReducer";
import type { ChatStore } from "./chatStore";
import type { ChatEngineOptions } from "./chatTypes";
import type { PlannedAnswer } from "./plannedAnswer";
import { runAnswer } from "./runAnswer";
import { createTextBuffer, type TextBuffer } from "./textBuffer";

/** The one active run: its id in the machine, how to abort it, its text as it arrives, and its job. */
interface ActiveRun {
  id: number;
  abort: AbortController;
  text: TextBuffer;
  /** A job given by id: closed as failed when its owner goes away mid-answer. */
  job: string | null;
}

/** A send asked for in this tick, about to start; `input` is what the user sent (none for a retry or continue). */
export interface ScheduledSend {
  next: PlannedAnswer;
  input?: string | ChatMessage[];
  done: Promise<void>;
}

export interface ChatRunner {
  /** Shows every character received, then stops; the client closes what the answer leaves open. */
  stop(): void;
  /** Ends the running answer without showing it as stopped (a reset clears the chat next). */
  abort(): void;
  /** Starts `next` after this tick. Sends asked for in the same tick are coalesced (the last wins): StrictMode's double effect makes one request. */
  schedule(next: PlannedAnswer, input?: string | ChatMessage[]): Promise<void>;
  /** The send about to start, if any (a repeat of its input joins it). */
  scheduled(): ScheduledSend | null;
  /** Forgets the send about to start: it will not start. */
  unschedule(): void;
  /** An answer runs, or one is about to start. */
  busy(): boolean;
  /** The job given by id of the running answer. */
  activeJob(): string | null;
}

/**
 * Holds a send made offline (status `offline`) until the network is back (null: send it). After the window it
 * is dropped, unsent, with reason `offline`; `ended` when it was stopped meanwhile.
 */
async function whileOffline(dispatch: ChatStore["dispatch"], run: ActiveRun, network: OnlineWindow): Promise<ChatOutcome | "ended" | null> {
  const { windowMs } = network;
  const since = Date.now();
  dispatch({ type: "hold", runId: run.id, hold: { since, expiresAt: since + windowMs } });
  const result = await waitForNetwork(network.source, windowMs, run.abort.signal);
  if (result === "aborted") return "ended";
  if (result === "online") return dispatch({ type: "online", runId: run.id }), null;
  const error = new SaaSLLMError({ kind: "network", message: `Not sent: the device was offline for more than ${Math.round(windowMs / 1000)} s` });
  return { kind: "failed", error, text: "", reason: "offline" };
}

/**
 * Runs one answer at a time through the `chatReducer` machine: coalesces sends of one tick, holds a send
 * made offline, streams it, and settles it. It keeps only what the machine cannot hold: the active run's abort
 * controller and text buffer. What to send, and what follows a settled answer, is the engine's (it reads the machine).
 */
export function createChatRunner({ dispatch, disposed }: ChatStore, getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null): ChatRunner {
  let active: ActiveRun | null = null;
  let queued: ScheduledSend | null = null;
  let nextId = 0;

  const stop = () => {
    if (!active) return;
    active.text.flush();
    abort();
    dispatch({ type: "stop" });
  };

  const abort = () => {
    active?.abort.abort();
    active = null;
  };

  /** How long a send (or a due retry) waits for the network, unless `offline: false`. */
  const onlineWindow = (): OnlineWindow | undefined => {
    const setting = getOptions().offline;
    return online && setting !== false ? { source: online, windowMs: setting?.windowMs ?? DEFAULT_OFFLINE_WINDOW_MS } : undefined;
  };

  const start = async (planned: PlannedAnswer): Promise<void> => {
    if (disposed()) return;
    // A newer answer supersedes a running one: that one is stopped first.
    stop();
    const options = getOptions();
    const id = ++nextId;
    const text = createTextBuffer(planned.base, (value, chunkCount) => dispatch({ type: "text", runId: id, text: value, chunkCount }), options.throttleMs);
    const run: ActiveRun = { id, abort: new AbortController(), text, job: typeof options.job === "string" ? options.job : null };
    active = run;
    const clientRequestId = options.job === undefined ? randomId() : null;
    const jobId = typeof options.job === "string" ? options.job : (options.job?.jobId ?? null);
    dispatch({ type: "send", runId: run.id, plan: planned, at: Date.now(), jobId, clientRequestId });
    // Online, nothing is awaited before the request: it leaves before React renders the `send` state.
    const network = onlineWindow();
    const held = network && !network.source.isOnline() ? await whileOffline(dispatch, run, network) : null;
    if (held === "ended") return;
    const outcome =
      held ??
      (await runAnswer(getClient(), options, planned, {
        signal: run.abort.signal,
        clientRequestId,
        onOpen: (id) => dispatch({ type: "open", runId: run.id, jobId: id, at: Date.now() }),
        onWait: (wait) => dispatch({ type: "wait", runId: run.id, wait }),
        text,
        tokenListener: () => getOptions().onToken,
        online: onlineWindow(),
      }));
    if (active === run) active = null;
    dispatch({ type: "settle", runId: run.id, outcome });
    afterAnswer(getClient(), options, getOptions(), outcome);
  };

  return {
    stop,
    abort,
    schedule(next, input) {
      if (disposed()) return Promise.resolve();
      if (queued) return Object.assign(queued, { next, input }).done;
      const entry: ScheduledSend = { next, input, done: Promise.resolve() };
      queued = entry;
      entry.done = Promise.resolve().then(() => {
        if (queued !== entry) return;
        queued = null;
        return start(entry.next);
      });
      return entry.done;
    },
    scheduled: () => queued,
    unschedule: () => void (queued = null),
    busy: () => active !== null || queued !== null,
    activeJob: () => active?.job ?? null,
  };
}
