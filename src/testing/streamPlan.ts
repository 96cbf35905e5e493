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
  /** Chunks the provider produced before the server had its answer (or its failure): a buffered server waits for them all. */
  generated: number;
}

/** How the provider call went, as the stream handler saw it. */
export interface PlanContext {
  /** E6's early comment. */
  keepaliveFirst: boolean;
  /** The server's own error, replacing the reply (E4 at the upstream commit). */
  serverError?: string;
  /** The provider failed after `afterChunks` chunks: one error event (after those chunks only when delivered live). */
  providerFailure?: { message: string; afterChunks: number };
  /** Upstream server family: an error before any content has no role chunk before it (upstream-behaviour §2). */
  upstream: boolean;
  /** Chunks reach the client one by one, so a provider cut shows partial text. */
  live: boolean;
}

const KEEPALIVE: PlanItem = { kind: "comment", text: ": keepalive\n\n" };
const data = (payload: string, kind: PlanItem["kind"] = "event"): PlanItem => ({ kind, text: `data: ${payload}\n\n` });

/** The server's own error event: Python `json.dumps`, so a space after the colon and no `[DONE]` after it. */
export const errorEvent = (error: unknown): PlanItem => data(pyJsonDumps({ error }));

/** The text stored as the job's `error_message` for an error event. */
export const errorMessageOf = (error: unknown): string => (typeof error === "string" ? error : JSON.stringify(error));

/** Plans a stream from the provider's events, the provider outcome and any scripted (API-level) stream fault. */
export function planStream(events: ProviderEvents, fault: StreamFault = {}, ctx: PlanContext): StreamPlan {
  const plan = planItems(events, fault, ctx);
  return { ...plan, generated: ctx.providerFailure?.afterChunks ?? (ctx.serverError !== undefined ? 0 : events.content.length) };
}

function planItems(events: ProviderEvents, fault: StreamFault, ctx: PlanContext): Omit<StreamPlan, "generated"> {
  const items: PlanItem[] = ctx.keepaliveFirst ? [KEEPALIVE] : [];
  const reset = fault.reset === true;
  const failure = ctx.providerFailure ?? (ctx.serverError !== undefined ? { message: ctx.serverError, afterChunks: 0 } : undefined);
  if (failure) {
    const shown = ctx.live ? Math.min(failure.afterChunks, events.content.length) : 0;
    if (shown > 0) items.push(...events.preamble.map((p) => data(p)), ...events.content.slice(0, shown).map((p) => data(p, "content")));
    return { items: [...items, errorEvent(failure.message)], outcome: { kind: "failed", message: failure.message }, reset };
  }
  const early = fault.errorEvent !== undefined && !fault.errorAfterDone && !(fault.errorAfterChunks ?? 0);
  if (!(early && ctx.upstream)) items.push(...events.preamble.map((p) => data(p)));
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
