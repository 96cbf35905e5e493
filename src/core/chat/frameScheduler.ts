/** Schedules one flush: on the next animation frame, or after `throttleMs` when set or when there are no frames (SSR, tests, workers). */
export function createFlushScheduler(flush: () => void, throttleMs?: number) {
  let handle: { cancel(): void } | null = null;
  const run = () => {
    handle = null;
    flush();
  };
  return {
    schedule(): void {
      if (handle) return;
      const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
      const caf = (globalThis as { cancelAnimationFrame?: (id: number) => void }).cancelAnimationFrame;
      if (throttleMs === undefined && raf && caf) {
        const id = raf(run);
        handle = { cancel: () => caf(id) };
      } else {
        const id = setTimeout(run, throttleMs ?? 16);
        handle = { cancel: () => clearTimeout(id) };
      }
    },
    /** Runs a pending flush now (before a terminal status is published). */
    flushNow(): void {
      if (handle) {
        handle.cancel();
        handle = null;
      }
      flush();
    },
    cancel(): void {
      handle?.cancel();
      handle = null;
    },
  };
}
