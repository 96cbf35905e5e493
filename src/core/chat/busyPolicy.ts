import type { ChatMessage } from "../types";

/**
 * What a send does while an answer runs. `interrupt` stops the running answer (a stopped single-shot job is
 * failed, never charged). `queue` holds it in `queue` until the answer is done. `reject` drops it (no request).
 */
export type WhenBusy = "interrupt" | "queue" | "reject";

/** A send held by `whenBusy: "queue"`: shown in `queue`, cancellable by id. */
export interface QueuedSend {
  id: number;
  /** The prompt, or the last message's content for a message list. */
  text: string;
  input: string | ChatMessage[];
}

/** The text a UI shows for a queued send. */
export const previewOf = (input: string | ChatMessage[]): string => (typeof input === "string" ? input : (input[input.length - 1]?.content ?? ""));

/** Same input twice in one tick is StrictMode's double effect, not two intents. */
export const sameInput = (a: string | ChatMessage[], b: string | ChatMessage[]): boolean => (typeof a === "string" || typeof b === "string" ? a === b : JSON.stringify(a) === JSON.stringify(b));
