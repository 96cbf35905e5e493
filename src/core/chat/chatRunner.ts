import { randomId } from "../abortable";
import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { failJob } from "../jobs/failJob";
import type { JobHandle } from "../jobs/jobHandle";
import { DEFAULT_OFFLINE_WINDOW_MS, waitForNetwork, type OnlineSource, type OnlineWindow } from "../onlineSource";
import { SaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { afterAnswer } from "./answerEffects";
import type { ChatOutcome } from "./chatReducer";
import type { ChatStore } from "./chatStore";
import type { ChatEngineOptions } from "./chatTypes";
import type { PlannedAnswer } from "./plannedAnswer";
import { runAnswer } from "./runAnswer";
import { createSendSchedule, type ScheduledSend } from "./sendSchedule";
import { createTextBuffer, type TextBuffer } from "./textBuffer";

/** The one active run: its id in the machine, how to abort it, its text as it arrives, and its job. */
export interface ActiveRun {
  id: number;
  abort: AbortController;
  text: TextBuffer;
  /** A job given by id: closed as failed when its owner goes away mid-answer. */
  job: string | null;
  /** Correlation id of a single-shot answer's job. */
  clientRequestId: string | null;
}

export interface ChatRunner {
  /** Shows every character received, then stops; the client closes what the answer leaves open. */
  stop(): void;
  /** Starts `next` after this tick (sends of one tick are coalesced, see `createSendSchedule`). */
  schedule(next: PlannedAnswer, input?: string | ChatMessage[]): Promise<void>;
  /** The send about to start, if any (a repeat of its input joins it). */
  scheduled(): ScheduledSend | null;
  /** An answer runs, or one is about to start. */
  busy(): boolean;
  /** Ends the running answer, and the one about to start, without showing them as stopped (a reset clears the chat next). */
  clear(): void;
  /** The owner went away: stop, refuse every later send, and close the running in-job answer's job given by id. */
  dispose(): void;
}

/** How long a send (or a due retry) waits for the network, unless `offline: false` (the live setting). */
const onlineWindow = (online: OnlineSource | null, setting: ChatEngineOptions["offline"]): OnlineWindow | undefined =>
  online && setting !== false ? { source: online, windowMs: setting?.windowMs ?? DEFAULT_OFFLINE_WINDOW_MS } : undefined;

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

/** Starts run `id` of `planned` in the machine (status `connecting`); its text is published to the machine. */
export function openRun(id: number, planned: PlannedAnswer, options: ChatEngineOptions, dispatch: ChatStore["dispatch"]): ActiveRun {
  const text = createTextBuffer(planned.base, (value, chunkCount) => dispatch({ type: "text", runId: id, text: value, chunkCount }), options.throttleMs);
  const { job } = options;
  const byId = typeof job === "string" ? job : null;
  const run: ActiveRun = { id, abort: new AbortController(), text, job: byId, clientRequestId: job === undefined ? randomId() : null };
  dispatch({ type: "send", runId: id, plan: planned, at: Date.now(), jobId: byId ?? (job as JobHandle | undefined)?.jobId ?? null, clientRequestId: run.clientRequestId });
  return run;
}

/**
 * Runs one answer at a time through the `chatReducer` machine: coalesces sends of one tick, holds a send
 * made offline, streams it, and settles it. It keeps only what the machine cannot hold: the active run's abort
 * controller and text buffer. What to send, and what follows a settled answer, is the engine's (it reads the machine).
 */
export function createChatRunner({ dispatch, disposed }: ChatStore, getClient: () => SaaSLLMClient, getOptions: () => ChatEngineOptions, online: OnlineSource | null): ChatRunner {
  let active: ActiveRun | null = null;
  let nextId = 0;

  const abort = () => {
    active?.abort.abort();
    active = null;
  };
  const stop = () => {
    if (!active) return;
    active.text.flush();
    abort();
    dispatch({ type: "stop" });
  };

  const sends = createSendSchedule(disposed, async (planned) => {
    if (disposed()) return;
    // A newer answer supersedes a running one: that one is stopped first.
    stop();
    const options = getOptions();
    const run = (active = openRun(++nextId, planned, options, dispatch));
    // Online, nothing is awaited before the request: it leaves before React renders the `send` state.
    const network = onlineWindow(online, getOptions().offline);
    const held = network && !network.source.isOnline() ? await whileOffline(dispatch, run, network) : null;
    if (held === "ended") return;
    const outcome =
      held ??
      (await runAnswer(getClient(), options, planned, {
        signal: run.abort.signal,
        clientRequestId: run.clientRequestId,
        onOpen: ({ jobId }) => dispatch({ type: "open", runId: run.id, jobId, at: Date.now() }),
        onRetry: (wait) => dispatch({ type: "wait", runId: run.id, wait }),
        text: run.text,
        tokenListener: () => getOptions().onToken,
        online: onlineWindow(online, getOptions().offline),
      }));
    if (active === run) active = null;
    dispatch({ type: "settle", runId: run.id, outcome });
    afterAnswer(getClient(), options, getOptions(), outcome);
  });

  return {
    ...sends,
    stop,
    busy: () => active !== null || sends.scheduled() !== null,
    clear() {
      sends.unschedule();
      abort();
    },
    dispose() {
      sends.unschedule();
      const job = active?.job;
      stop();
      dispatch({ type: "dispose" });
      // The run's own (aborted) outcome closes no job: the owner going away does. The job gets the aborted
      // wording ("Stopped by the client"); the chat needs no message table for it.
      if (job && getOptions().autoFailJob !== false) void failJob(getClient(), job, new SaaSLLMError({ kind: "aborted", message: "Stopped by the client" }));
    },
  };
}
