/** Moves an upstream body to the browser chunk by chunk, with an idle limit. */

/**
 * Re-emits every chunk the moment it arrives (no buffering, so SSE events leave as they come in). When no
 * chunk arrived for `idleMs`, `onIdle` aborts the upstream request and the body errors.
 */
export function passThrough(body: ReadableStream<Uint8Array>, idleMs: number, onIdle: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const timer = setTimeout(onIdle, idleMs);
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      } finally {
        clearTimeout(timer);
      }
    },
    // The browser went away: cancel the upstream body too, which ends the upstream request.
    cancel: (reason) => reader.cancel(reason),
  });
}
