import type { ChatMessage } from "../types";
import type { PlannedAnswer } from "./plannedAnswer";

/** A send asked for in this tick, about to start; `input` is what the user sent (none for a retry or continue). */
export interface ScheduledSend {
  next: PlannedAnswer;
  input?: string | ChatMessage[];
  done: Promise<void>;
}

/**
 * Starts a send after this tick (none once the owner went away). Sends asked for in the same tick are coalesced
 * (the last wins): StrictMode's double effect makes one request.
 */
export function createSendSchedule(disposed: () => boolean, start: (next: PlannedAnswer) => Promise<void>) {
  let queued: ScheduledSend | null = null;
  return {
    schedule(next: PlannedAnswer, input?: string | ChatMessage[]): Promise<void> {
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
    /** The send about to start, if any (a repeat of its input joins it). */
    scheduled: () => queued,
    /** Forgets the send about to start: it will not start. */
    unschedule: () => void (queued = null),
  };
}
