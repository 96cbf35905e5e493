/** Decides which SSE events a stream sends and how it ends, from the reply and any stream fault (§6.4). */
import { pyJsonDumps } from "./pyjson";
import type { ProviderEvents } from "./sse";
import type { StreamFault } from "./types";

/** One piece of the SSE body; `content` pieces are the ones `tokenDelayMs` spaces out. */
export interface PlanItem {
  kind: "comment" | "event" | "content";
  text: string;
}

/** How the job should end once every planned byte was written (a byte cut or an abort overrides it). */
export type PlanOutcome = { kind: "completed" } | { kind: "failed"; message: string } | { kind: "cut" };

export interface StreamPlan {
  items: PlanItem[];
  outcome: PlanOutcome;
  /** Error the body instead of closing it. */
  reset: boolean;
}

const KEEPALIVE: PlanItem = { kind: "comment", text: ": keepalive\n\n" };
const data = (payload: string, kind: PlanItem["kind"] = "event"): PlanItem => ({ kind, text: `data: ${payload}\n\n` });

/** The server's own error event: Python `json.dumps`, so a space after the colon and no `[DONE]` after it. */
export const errorEvent = (error: unknown): PlanItem => data(pyJsonDumps({ error }));

/** The text stored as the job's `error_message` for an error event. */
export const errorMessageOf = (error: unknown): string => (typeof error === "string" ? error : JSON.stringify(error));

/**
 * Plans a stream. `keepaliveFirst` is E6's early comment; `serverError` replaces the whole reply with
 * one error event (E4 at the upstream commit).
 */
export function planStream(events: ProviderEvents, fault: StreamFault = {}, keepaliveFirst = false, serverError?: string): StreamPlan {
  const items: PlanItem[] = keepaliveFirst ? [KEEPALIVE] : [];
  const reset = fault.reset === true;
  if (serverError !== undefined) {
    return { items: [...items, errorEvent(serverError)], outcome: { kind: "failed", message: serverError }, reset };
  }
  items.push(...events.preamble.map((p) => data(p)));
  let extraKeepalives = fault.keepalives ?? 0;
  const pushContent = (count: number): void => {
    for (const payload of events.content.slice(0, count)) {
      items.push(data(payload, "content"));
      if (extraKeepalives-- > 0) items.push(KEEPALIVE);
    }
  };
  const n = events.content.length;
  if (fault.errorEvent !== undefined && !fault.errorAfterDone) {
    pushContent(Math.min(fault.errorAfterChunks ?? 0, n));
    items.push(errorEvent(fault.errorEvent));
    return { items, outcome: { kind: "failed", message: errorMessageOf(fault.errorEvent) }, reset };
  }
  if (fault.cutAfterChunks !== undefined) {
    pushContent(Math.min(fault.cutAfterChunks, n));
    return { items, outcome: { kind: "cut" }, reset };
  }
  pushContent(n);
  // A reset with no cut point drops the connection just before the end marker.
  if (reset && fault.cutAfterBytes === undefined) return { items, outcome: { kind: "cut" }, reset };
  items.push(...events.end.map((p) => data(p)));
  if (fault.errorEvent !== undefined) {
    items.push(errorEvent(fault.errorEvent));
    return { items, outcome: { kind: "failed", message: errorMessageOf(fault.errorEvent) }, reset };
  }
  return { items, outcome: { kind: "completed" }, reset };
}
