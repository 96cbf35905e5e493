import { createFlushScheduler } from "./frameScheduler";

/**
 * The text of one answer as it arrives: the deltas of a network read join into one pending piece, published at
 * most once per frame (or `throttleMs`). Owned by the runner's active run, so a stop can publish what is
 * pending before it shows the answer as stopped.
 */
export function createTextBuffer(base: string, publish: (text: string, chunkCount: number) => void, throttleMs?: number) {
  let text = base;
  let pending: string[] = [];
  let chunkCount = 0;
  const take = () => {
    if (pending.length) text += pending.join("");
    pending = [];
    return text;
  };
  const scheduler = createFlushScheduler(() => publish(take(), chunkCount), throttleMs);
  return {
    /** `delta` stands for `count` chunks. */
    push(delta: string, count: number): void {
      pending.push(delta);
      chunkCount += count;
      scheduler.schedule();
    },
    /** Publishes pending text now. */
    flush: (): void => void (pending.length > 0 && scheduler.flushNow()),
    /** No more publishing: the whole text, for the outcome. */
    end(): string {
      scheduler.cancel();
      return take();
    },
    chunks: () => chunkCount,
  };
}

export type TextBuffer = ReturnType<typeof createTextBuffer>;
