import type { SaaSLLMError } from "../SaaSLLMError";
import type { RetryWait } from "../transport";
import type { Usage } from "../types";
import { initialChatStreamState, type ChatStreamMessage, type ChatStreamState, type ChatStreamStatus, type OfflineHold } from "./chatTypes";
import type { AnswerTiming } from "./answerTiming";
import type { QueuedSend } from "./busyPolicy";
import { fateUnknown, type AnswerOutcome } from "../calls/answerOutcome";
import { plannedFrom, type PlannedAnswer } from "./plannedAnswer";
import { reasonOfOutcome, type UnfinishedReason } from "./unfinishedReason";

/** The answer being streamed. Only one exists at a time; actions of any other run are ignored. */
export interface ChatRun {
  id: number;
  /** The conversation shown before the assistant answer. */
  conversation: ChatStreamMessage[];
}

/** A charge check due: the single-shot answer's jobs to look up, since when, and what ended it (it sets the watch). */
export interface ChargeCheck {
  clientRequestId: string;
  since: number;
  endedBy: unknown;
}

/**
 * The chat machine: what the UI sees, the active run, the answer `retry` sends again (`plan`) and when the shown
 * answer started, the charge check due for an answer whose end was not seen, and whether its owner went away.
 */
export interface ChatMachine {
  state: ChatStreamState;
  run: ChatRun | null;
  plan: PlannedAnswer | null;
  startedAt: number | null;
  check: ChargeCheck | null;
  disposed: boolean;
}

/** How a run ended; the reason of an unfinished answer is derived from it (`unfinishedReason`). */
export type ChatOutcome =
  | { kind: "done"; text: string; usage: Usage | null; finishReason: string | null; jobId: string | null; timing?: AnswerTiming; chunkCount?: number }
  /** `aborted` becomes `stopped`, `stream_interrupted` becomes `interrupted`, every other kind `error`. */
  | { kind: "failed"; error: SaaSLLMError; text: string; timing?: AnswerTiming; reason?: UnfinishedReason; chunkCount?: number };

export type ChatAction =
  /** A new answer starts from `base` (the partial answer when continuing). Refused while another runs. */
  | { type: "send"; runId: number; plan: PlannedAnswer; at: number; jobId: string | null; clientRequestId: string | null }
  /** The device is offline: the send is held until the network is back or `hold.expiresAt`. */
  | { type: "hold"; runId: number; hold: OfflineHold }
  /** The network is back: the held send goes out now. */
  | { type: "online"; runId: number }
  /** An attempt failed before any text; the next one starts at `wait.nextRetryAt`. */
  | { type: "wait"; runId: number; wait: RetryWait }
  /** The server accepted the stream at `at` (ms since epoch): it is generating. */
  | { type: "open"; runId: number; jobId: string | null; at: number }
  /** The text so far (published in batches). */
  | { type: "text"; runId: number; text: string; chunkCount: number }
  | { type: "settle"; runId: number; outcome: ChatOutcome }
  /** A send refused before any request (bad input). Ignored while an answer runs. */
  | { type: "refuse"; error: SaaSLLMError }
  /** `whenBusy: "queue"`: hold a send, take one out (sent or cancelled), pause or resume the queue. */
  | { type: "enqueue"; item: QueuedSend }
  | { type: "unqueue"; id: number }
  | { type: "pauseQueue"; paused: boolean }
  /** A stored chat is restored (only into an idle, untouched chat); `at`: when its answer started, if stored. */
  | { type: "restore"; state: ChatStreamState; at: number | null; now: number }
  /** What the server did with an answer whose end the client did not see (the result of `check`). */
  | { type: "outcome"; outcome: AnswerOutcome; check: ChargeCheck }
  | { type: "stop" }
  | { type: "reset" }
  | { type: "dispose" };

export const initialChatMachine: ChatMachine = { state: initialChatStreamState, run: null, plan: null, startedAt: null, check: null, disposed: false };

/** The machine with some of what the UI sees changed (and, in `rest`, some of the machine). */
const patch = (m: ChatMachine, state: Partial<ChatStreamState>, rest?: Partial<ChatMachine>): ChatMachine => ({ ...m, ...rest, state: { ...m.state, ...state } });

/** The charge check due for a single-shot answer that ended unseen (its fate unknown), shown as `checking`. */
function withCheck(m: ChatMachine, endedBy: unknown, reason: UnfinishedReason | null, since = m.startedAt): ChatMachine {
  const { clientRequestId } = m.state;
  if (!clientRequestId || since === null || !fateUnknown(reason)) return { ...m, check: null };
  return patch(m, { outcome: { status: "checking" } }, { check: { clientRequestId, since, endedBy } });
}

/** The conversation with the assistant answer shown after it (none while it is empty and not cut). */
const withAnswer = (conversation: ChatStreamMessage[], content: string, interrupted: boolean, reason: UnfinishedReason | null = null): ChatStreamMessage[] => [
  ...conversation,
  ...(content || interrupted ? [{ role: "assistant", content, ...(interrupted ? { interrupted } : {}), ...(reason ? { reason } : {}) }] : []),
];

/** An answer runs, or the owner went away: no new answer, refusal, restore or lookup result is taken. */
const busyOrGone = (m: ChatMachine): boolean => m.run !== null || m.disposed;
type Running = ChatMachine & { run: ChatRun };
const owns = (m: ChatMachine, runId: number): m is Running => m.run !== null && m.run.id === runId;
const waiting = (status: ChatStreamStatus) => status === "connecting" || status === "generating" || status === "retrying" || status === "offline";

/**
 * The run ended (settled or stopped) with `status`: its answer is shown after the conversation, nothing waits any
 * more, and a charge check is due when its fate is unknown (never for a send held offline: it was not sent).
 */
function end(m: Running, status: ChatStreamStatus, endedBy: unknown, ended: Partial<ChatStreamState> & { text: string; reason: UnfinishedReason | null }): ChatMachine {
  const { text, reason } = ended;
  const messages = withAnswer(m.run.conversation, text, status !== "done" && (text !== "" || status === "interrupted"), reason);
  const checked = withCheck(m, endedBy, m.state.status === "offline" ? null : reason);
  return patch(checked, { retrying: null, generatingSince: null, offline: null, ...ended, status, messages }, { run: null });
}

function settle(m: Running, outcome: ChatOutcome): ChatMachine {
  // The count rides on the settle too: an answer that ends within one frame never published a text action.
  const { text, timing = null, chunkCount = m.state.chunkCount } = outcome;
  const ended = { text, reason: reasonOfOutcome(outcome), timing, chunkCount };
  if (outcome.kind === "done") return end(m, "done", null, { ...ended, usage: outcome.usage, finishReason: outcome.finishReason, jobId: outcome.jobId ?? m.state.jobId });
  const { error } = outcome;
  const status = error.kind === "aborted" ? "stopped" : error.kind === "stream_interrupted" ? "interrupted" : "error";
  return end(m, status, error, { ...ended, error: status === "stopped" ? null : error });
}

/** Stopped: the text shown so far stays; the server may still finish (and charge) the answer. */
const stop = (m: ChatMachine): ChatMachine => (m.run ? end(m as Running, "stopped", { kind: "aborted" }, { text: m.state.text, reason: "stopped" }) : m);

/** The chat state machine: a pure function of the machine and one action. Illegal actions return `m` unchanged. */
export function chatReducer(m: ChatMachine, action: ChatAction): ChatMachine {
  switch (action.type) {
    case "send": {
      if (busyOrGone(m)) return m;
      const { runId, plan, at, jobId, clientRequestId } = action;
      const { conversation, base } = plan;
      const state: ChatStreamState = { ...initialChatStreamState, queue: m.state.queue, queuePaused: m.state.queuePaused, status: "connecting", text: base, messages: withAnswer(conversation, base, false), jobId, clientRequestId };
      return { ...m, run: { id: runId, conversation }, plan, startedAt: at, check: null, state };
    }
    case "hold":
      return owns(m, action.runId) && m.state.status === "connecting" ? patch(m, { status: "offline", offline: action.hold }) : m;
    case "online":
      return owns(m, action.runId) && m.state.status === "offline" ? patch(m, { status: "connecting", offline: null }) : m;
    case "wait":
      return owns(m, action.runId) && waiting(m.state.status) ? patch(m, { status: "retrying", retrying: action.wait, generatingSince: null }) : m;
    case "open":
      if (!owns(m, action.runId) || !waiting(m.state.status)) return m;
      return patch(m, { status: "generating", generatingSince: action.at, retrying: null, offline: null, jobId: action.jobId ?? m.state.jobId });
    case "text":
      return owns(m, action.runId) ? patch(m, { status: "streaming", generatingSince: null, retrying: null, text: action.text, chunkCount: action.chunkCount }) : m;
    case "settle":
      return owns(m, action.runId) ? settle(m, action.outcome) : m;
    case "refuse":
      return busyOrGone(m) ? m : patch(m, { status: "error", error: action.error });
    case "enqueue":
      return m.disposed ? m : patch(m, { queue: [...m.state.queue, action.item] });
    case "unqueue":
      return patch(m, { queue: m.state.queue.filter((q) => q.id !== action.id) });
    case "pauseQueue":
      return m.state.queuePaused === action.paused ? m : patch(m, { queuePaused: action.paused });
    case "restore": {
      if (busyOrGone(m) || m.state !== initialChatStreamState) return m;
      const { state, at, now } = action;
      const restored = { ...m, state, plan: plannedFrom(state.messages), startedAt: at };
      // A stopped answer too: the shipped server finishes and charges it (upstream-behaviour §5).
      return withCheck(restored, state.status === "stopped" ? { kind: "aborted" } : { partialText: state.text }, state.reason, at ?? now);
    }
    case "outcome":
      return m.disposed || action.check !== m.check ? m : { ...patch(m, { outcome: action.outcome }), check: null };
    case "stop":
      return stop(m);
    case "reset":
      return { ...initialChatMachine, disposed: m.disposed };
    case "dispose":
      return { ...stop(m), check: null, disposed: true };
  }
}
