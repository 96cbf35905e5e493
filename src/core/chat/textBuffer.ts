import { scheduleFrame } from "./frameScheduler";

/**
 * The text of one answer as it arrives: the deltas of a network read join into one pending piece, published at
 * most once per frame (or `throttleMs`). Owned by the runner's active run, so a stop can publish what is
 * pending before it shows the answer as stopped.
 */
export function createTextBuffer(base: string, publish: (text: string, chunkCount: number) => void, throttleMs?: number) {
  let text = base;
  let pending: string[] = [];
  let chunkCount = 0;
  let cancel: (() => void) | null = null;
  /** The whole text so far; the publish due for it is cancelled. */
  const take = () => {
    cancel?.();
    cancel = null;
    if (pending.length) text += pending.join("");
    pending = [];
    return text;
  };
  const flush = () => publish(take(), chunkCount);
  return {
    /** `delta` stands for `count` chunks. */
    push(delta: string, count: number): void {
      pending.push(delta);
      chunkCount += count;
      cancel ??= scheduleFrame(flush, throttleMs);
    },
    /** Publishes pending text now. */
    flush: (): void => void (pending.length > 0 && flush()),
    /** No more publishing: the whole text and its chunk count, for the outcome. */
    end: () => ({ text: take(), chunkCount }),
  };
}

export type TextBuffer = ReturnType<typeof createTextBuffer>;
