const noop = () => {};

/** Why a body read was halted from outside the read loop. */
export type StreamStop = "aborted" | "idle";

/**
 * Halts a stream's read on abort, or after `idleTimeoutMs` of silence once the first `data:` event came
 * (the silence after `: keepalive` on a buffered server is generation, not a stall). Cancelling the reader
 * settles a pending `read()` with `done`, so the read loop wakes up at once and asks `stop` why.
 */
export function watchStream(reader: ReadableStreamDefaultReader<Uint8Array>, signal: AbortSignal | undefined, idleTimeoutMs = 0, hasData: () => boolean) {
  let stop: StreamStop | undefined;
  const halt = (why: StreamStop) => {
    if (stop === undefined) stop = why;
    reader.cancel().catch(noop);
  };
  const onAbort = () => halt("aborted");
  // One timer re-armed from a timestamp: cheaper than clearTimeout/setTimeout on every chunk.
  const watchIdle = idleTimeoutMs > 0;
  let lastActivity = Date.now();
  const onIdle = () => {
    const left = hasData() ? lastActivity + idleTimeoutMs - Date.now() : idleTimeoutMs;
    if (left > 0) timer = setTimeout(onIdle, left);
    else halt("idle");
  };
  let timer = watchIdle ? setTimeout(onIdle, idleTimeoutMs) : undefined;
  signal?.addEventListener("abort", onAbort);
  return {
    get stop(): StreamStop | undefined {
      return stop;
    },
    /** A chunk arrived. */
    touch(): void {
      if (watchIdle) lastActivity = Date.now();
    },
    dispose(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}
