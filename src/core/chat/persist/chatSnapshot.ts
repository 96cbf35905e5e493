import { initialChatStreamState, isRunning, type ChatStreamMessage, type ChatStreamState, type ChatStreamStatus } from "../chatTypes";
import type { UnfinishedReason } from "../unfinishedReason";

/** The stored layout's own version: a stored chat of another layout is dropped, never misread. */
const SCHEMA = 1;

/** What is kept of a chat: the conversation, the answer in progress, its status, reason and job. */
export interface ChatSnapshot {
  messages: ChatStreamMessage[];
  text: string;
  status: ChatStreamStatus;
  reason: UnfinishedReason | null;
  jobId: string | null;
  clientRequestId: string | null;
  /** When the answer started (bounds the job lookup after a reload). */
  startedAt: number | null;
}

interface Stored extends ChatSnapshot {
  schema: number;
  version: number;
  savedAt: number;
}

/** The snapshot of a state; null when there is nothing to keep (the stored one is then removed). */
export function snapshotOf(state: ChatStreamState, startedAt: number | null): ChatSnapshot | null {
  if (state.messages.length === 0) return null;
  const { messages, text, status, reason, jobId, clientRequestId } = state;
  return { messages, text, status, reason, jobId, clientRequestId, startedAt };
}

/**
 * The stored string, within `maxChars`: the oldest messages go first (the answer in progress stays).
 * Null when even the last message alone is too large.
 */
export function encodeSnapshot(snapshot: ChatSnapshot, version: number, maxChars: number, now: number): string | null {
  const stored = (messages: ChatStreamMessage[]) => ({ schema: SCHEMA, version, savedAt: now, ...snapshot, messages }) satisfies Stored;
  // Sizes are measured once per message (an array's JSON is its items' joined by commas), so a long chat over
  // the cap, written every second while an answer streams, is not serialised again for each message dropped.
  const sizes = snapshot.messages.map((m) => JSON.stringify(m).length);
  let length = JSON.stringify(stored([])).length + sizes.reduce((n, size) => n + size + 1, 0) - Math.min(1, sizes.length);
  let first = 0;
  while (length > maxChars && sizes.length - first > 1) length -= sizes[first++]! + 1;
  return length > maxChars ? null : JSON.stringify(stored(snapshot.messages.slice(first)));
}

const isMessage = (m: unknown): m is ChatStreamMessage => typeof m === "object" && m !== null && typeof (m as ChatStreamMessage).role === "string" && typeof (m as ChatStreamMessage).content === "string";
const stringOrNull = (v: unknown): v is string | null => v === null || typeof v === "string";

/** The stored snapshot, or null when it is of another schema or app version; throws on corrupt data. */
export function decodeSnapshot(raw: string, version: number): ChatSnapshot | null {
  const s = JSON.parse(raw) as Partial<Stored> | null;
  if (typeof s !== "object" || s === null) throw new Error("The stored chat is not an object");
  if (s.schema !== SCHEMA || s.version !== version) return null;
  const valid = Array.isArray(s.messages) && s.messages.every(isMessage) && typeof s.text === "string" && typeof s.status === "string" && stringOrNull(s.reason) && stringOrNull(s.jobId) && stringOrNull(s.clientRequestId);
  if (!valid) throw new Error("The stored chat is malformed");
  const { messages, text, status, reason, jobId, clientRequestId } = s as Stored;
  return { messages, text, status, reason, jobId, clientRequestId, startedAt: typeof s.startedAt === "number" ? s.startedAt : null };
}

/**
 * The state a stored chat is restored to. An answer that was running when the page went away is shown as
 * interrupted (its partial kept, its outcome unknown); nothing is re-sent. A held offline send, or an error,
 * comes back as an idle chat whose last prompt `retry()` sends.
 */
export function restoredState(snapshot: ChatSnapshot): ChatStreamState {
  const { messages, text, jobId, clientRequestId } = snapshot;
  const last = messages[messages.length - 1];
  const base = { ...initialChatStreamState, messages, jobId, clientRequestId };
  if (snapshot.status === "offline") return base;
  if (isRunning(snapshot.status)) {
    const partial: ChatStreamMessage[] = last?.role === "assistant" ? [...messages.slice(0, -1), { ...last, interrupted: true, reason: "unknown_outcome" }] : text ? [...messages, { role: "assistant", content: text, interrupted: true, reason: "unknown_outcome" }] : messages;
    return { ...base, messages: partial, text, status: "interrupted", reason: "unknown_outcome" };
  }
  if (snapshot.status === "error") return last?.interrupted ? { ...base, text, status: "interrupted", reason: snapshot.reason } : base;
  return { ...base, text, status: snapshot.status, reason: snapshot.reason };
}
