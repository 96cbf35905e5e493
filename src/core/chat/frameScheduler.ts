type FrameGlobals = { requestAnimationFrame?: (cb: () => void) => number; cancelAnimationFrame?: (id: number) => void };

/**
 * Runs `run` once: on the next animation frame, or after `throttleMs` when set or when there are no frames (SSR,
 * tests, workers). Returns how to cancel it.
 */
export function scheduleFrame(run: () => void, throttleMs?: number): () => void {
  const { requestAnimationFrame: raf, cancelAnimationFrame: caf } = globalThis as FrameGlobals;
  if (throttleMs === undefined && raf && caf) {
    const id = raf(run);
    return () => caf(id);
  }
  const id = setTimeout(run, throttleMs ?? 16);
  return () => clearTimeout(id);
}
