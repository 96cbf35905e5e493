import { randomId } from "../abortable";
import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { DEFAULT_OFFLINE_WINDOW_MS, waitForNetwork, type OnlineSource } from "../onlineSource";
import { SaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import { afterAnswer } from "./answerEffects";
import type { ChatOutcome } from "./chatReducer";
import { ChatStore } from "./chatStore";
import type { ChatEngineOptions } from "./chatTypes";
import type { PlannedAnswer } from "./plannedAnswer";
import { runAnswer } from "./runAnswer";

/** The one active run: its id in the machine, how to abort it, how to show its pending text, and its job. */
interface ActiveRun {
  id: number;
  abort: AbortController;
  flush: () => void;
  /** A job given by id: closed as failed when its owner goes away mid-answer. */
  job: string | null;
}

/** How a settled answer ran, for what the engine does next (look its job up, move the queue on). */
export interface SettledRun {
  outcome: ChatOutcome;
  clientRequestId: string | null;
  startedAt: number;
}

/**
 * Runs one answer at a time through the `chatReducer` machine: coalesces sends of one tick, holds a send
 * made offline, streams it, and settles it. What to send, and what follows, is the engine's (`ChatEngine`).
 */
export abstract class ChatRunner extends ChatStore {
  protected active: ActiveRun | null = null;
  protected lastRun: PlannedAnswer | null = null;
  /** Sends asked for in the same tick are coalesced (the last wins): StrictMode's double effect makes one request. */
  protected queued: { next: PlannedAnswer; input?: string | ChatMessage[]; done: Promise<void> } | null = null;
  /** When the shown answer started (persisted: bounds the job lookup after a reload). */
  protected startedAt: number | null = null;
  private nextId = 0;

  constructor(
    protected readonly getClient: () => SaaSLLMClient,
    protected readonly getOptions: () => ChatEngineOptions,
    private readonly online: OnlineSource | null,
  ) {
    super();
  }

  /** Called after each answer settled (the state already shows it). */
  protected abstract settled(run: SettledRun): void;

  /** Called as each answer starts. */
  protected abstract starting(): void;

  /** Shows every character received, then stops; the client closes what the answer leaves open. */
  stop(): void {
    if (!this.active) return;
    this.active.flush();
    this.abortActive();
    this.dispatch({ type: "stop" });
  }

  protected abortActive(): void {
    this.active?.abort.abort();
    this.active = null;
  }

  protected schedule(next: PlannedAnswer, input?: string | ChatMessage[]): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.queued) return Object.assign(this.queued, { next, input }).done;
    const entry: { next: PlannedAnswer; input?: string | ChatMessage[]; done: Promise<void> } = { next, input, done: Promise.resolve() };
    this.queued = entry;
    entry.done = Promise.resolve().then(() => {
      if (this.queued !== entry) return;
      this.queued = null;
      return this.start(entry.next);
    });
    return entry.done;
  }

  private async start(planned: PlannedAnswer): Promise<void> {
    if (this.disposed) return;
    // A newer answer supersedes a running one: that one is stopped first.
    this.stop();
    const options = this.getOptions();
    const run: ActiveRun = { id: ++this.nextId, abort: new AbortController(), flush: () => undefined, job: typeof options.job === "string" ? options.job : null };
    this.active = run;
    this.lastRun = planned;
    const startedAt = (this.startedAt = Date.now());
    this.starting();
    const clientRequestId = options.job === undefined ? randomId() : null;
    const jobId = typeof options.job === "string" ? options.job : (options.job?.jobId ?? null);
    this.dispatch({ type: "send", runId: run.id, conversation: planned.conversation, base: planned.base, jobId, clientRequestId });
    const held = await this.whenOnline(run);
    if (held === "ended") return;
    const outcome =
      held ??
      (await runAnswer(this.getClient(), options, planned, {
        signal: run.abort.signal,
        clientRequestId,
        onOpen: (id) => this.dispatch({ type: "open", runId: run.id, jobId: id }),
        onWait: (wait) => this.dispatch({ type: "wait", runId: run.id, wait }),
        onText: (text, chunkCount) => this.dispatch({ type: "text", runId: run.id, text, chunkCount }),
        onToken: (delta) => this.getOptions().onToken?.(delta),
        bindFlush: (flush) => void (run.flush = flush),
        online: this.onlineWindow(),
      }));
    if (this.active === run) this.active = null;
    this.dispatch({ type: "settle", runId: run.id, outcome });
    afterAnswer(this.getClient(), options, this.getOptions(), outcome);
    this.settled({ outcome, clientRequestId, startedAt });
  }

  /** How long a send (or a due retry) waits for the network, unless `offline: false`. */
  private onlineWindow(): { source: OnlineSource; windowMs: number } | undefined {
    const setting = this.getOptions().offline;
    return this.online && setting !== false ? { source: this.online, windowMs: setting?.windowMs ?? DEFAULT_OFFLINE_WINDOW_MS } : undefined;
  }

  /**
   * Holds a send made offline (status `offline`) until the network is back (null: send it). After the window
   * it is dropped, unsent, with reason `offline`; `ended` when it was stopped meanwhile.
   */
  private async whenOnline(run: ActiveRun): Promise<ChatOutcome | "ended" | null> {
    const online = this.onlineWindow();
    if (!online || online.source.isOnline()) return null;
    const { windowMs } = online;
    const since = Date.now();
    this.dispatch({ type: "hold", runId: run.id, hold: { since, expiresAt: since + windowMs } });
    const result = await waitForNetwork(online.source, windowMs, run.abort.signal);
    if (result === "aborted") return "ended";
    if (result === "online") return this.dispatch({ type: "open", runId: run.id, jobId: null }), null;
    const error = new SaaSLLMError({ kind: "network", message: `Not sent: the device was offline for more than ${Math.round(windowMs / 1000)} s` });
    return { kind: "failed", error, text: "", reason: "offline" };
  }
}
