import type { SaaSLLMError } from "../SaaSLLMError";
import type { Usage } from "../types";
import { initialChatStreamState, type ChatStreamMessage, type ChatStreamState } from "./chatTypes";

/** The answer being streamed. Only one exists at a time; actions of any other run are ignored. */
export interface ChatRun {
  id: number;
  /** The conversation shown before the assistant answer. */
  conversation: ChatStreamMessage[];
}

/** The chat machine: what the UI sees, the active run, and whether its owner went away. */
export interface ChatMachine {
  state: ChatStreamState;
  run: ChatRun | null;
  disposed: boolean;
}

/** How a run ended. (Room for more: a `reason` for unfinished answers, a `retrying` wait.) */
export type ChatOutcome =
  | { kind: "done"; text: string; usage: Usage | null; finishReason: string | null; jobId: string | null }
  /** `aborted` becomes `stopped`, `stream_interrupted` becomes `interrupted`, every other kind `error`. */
  | { kind: "failed"; error: SaaSLLMError; text: string };

export type ChatAction =
  /** A new answer starts from `base` (the partial answer when continuing). Refused while another runs. */
  | { type: "send"; runId: number; conversation: ChatStreamMessage[]; base: string; jobId: string | null; clientRequestId: string | null }
  /** The server accepted the stream. */
  | { type: "open"; runId: number; jobId: string | null }
  /** The text so far (published in batches). */
  | { type: "text"; runId: number; text: string; chunkCount: number }
  | { type: "settle"; runId: number; outcome: ChatOutcome }
  /** A send refused before any request (bad input). Ignored while an answer runs. */
  | { type: "refuse"; error: SaaSLLMError }
  | { type: "stop" }
  | { type: "reset" }
  | { type: "dispose" };

export const initialChatMachine: ChatMachine = { state: initialChatStreamState, run: null, disposed: false };

const assistant = (content: string, interrupted: boolean): ChatStreamMessage[] => (content || interrupted ? [{ role: "assistant", content, ...(interrupted ? { interrupted } : {}) }] : []);

const isBusy = (m: ChatMachine): boolean => m.run !== null;
const owns = (m: ChatMachine, runId: number): m is ChatMachine & { run: ChatRun } => m.run !== null && m.run.id === runId;

function settle(m: ChatMachine & { run: ChatRun }, outcome: ChatOutcome): ChatMachine {
  const { conversation } = m.run;
  if (outcome.kind === "done") {
    const { text, usage, finishReason } = outcome;
    return { ...m, run: null, state: { ...m.state, status: "done", text, messages: [...conversation, ...assistant(text, false)], usage, finishReason, jobId: outcome.jobId ?? m.state.jobId } };
  }
  const { error, text } = outcome;
  const status = error.kind === "aborted" ? "stopped" : error.kind === "stream_interrupted" ? "interrupted" : "error";
  const messages = [...conversation, ...assistant(text, text !== "" || status === "interrupted")];
  return { ...m, run: null, state: { ...m.state, status, error: status === "stopped" ? null : error, text, messages } };
}

function stop(m: ChatMachine): ChatMachine {
  if (!m.run) return m;
  return { ...m, run: null, state: { ...m.state, status: "stopped", messages: [...m.run.conversation, ...assistant(m.state.text, m.state.text !== "")] } };
}

/** The chat state machine: a pure function of the machine and one action. Illegal actions return `m` unchanged. */
export function chatReducer(m: ChatMachine, action: ChatAction): ChatMachine {
  switch (action.type) {
    case "send": {
      if (m.disposed || isBusy(m)) return m;
      const { runId, conversation, base, jobId, clientRequestId } = action;
      const state: ChatStreamState = { ...initialChatStreamState, status: "connecting", text: base, messages: [...conversation, ...assistant(base, false)], jobId, clientRequestId };
      return { ...m, run: { id: runId, conversation }, state };
    }
    case "open":
      return owns(m, action.runId) && m.state.status === "connecting" && action.jobId !== null ? { ...m, state: { ...m.state, jobId: action.jobId } } : m;
    case "text":
      return owns(m, action.runId) ? { ...m, state: { ...m.state, status: "streaming", text: action.text, chunkCount: action.chunkCount } } : m;
    case "settle":
      return owns(m, action.runId) ? settle(m, action.outcome) : m;
    case "refuse":
      return isBusy(m) || m.disposed ? m : { ...m, state: { ...m.state, status: "error", error: action.error } };
    case "stop":
      return stop(m);
    case "reset":
      return { ...initialChatMachine, disposed: m.disposed };
    case "dispose":
      return { ...stop(m), disposed: true };
  }
}
