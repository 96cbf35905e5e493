/** Turns a stream plan into a real `ReadableStream<Uint8Array>` with delays, byte cuts, splits and resets. */
import type { PlanOutcome, StreamPlan } from "./streamPlan";

/** Byte-level delivery options. */
export interface SseBodyOptions {
  tokenDelayMs: number;
  /** Wait for the whole answer (`plan.generated` chunks) before the first non-comment byte, then send it in one burst. */
  buffered: boolean;
  splitBytes?: number;
  cutAfterBytes?: number;
  signal: AbortSignal;
  /**
   * Bookkeeping hook, run after the last planned byte was queued and before the body closes. On a client abort,
   * `generatingMs` is how long the provider still needs for the whole answer (a server that finishes aborted
   * generations completes the job then).
   */
  onEnd(outcome: PlanOutcome | { kind: "aborted"; generatingMs: number; planned: PlanOutcome }): void;
}

/** What a reset looks like to a reader: undici reports a dropped connection as `TypeError: terminated`. */
export function resetError(): TypeError {
  return new TypeError("terminated", { cause: new Error("simulated connection reset (scripted fault)") });
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });

/** Produces the body eagerly (like a server writing into a socket), not when the reader pulls. */
export function createSseBody(plan: StreamPlan, options: SseBodyOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cancelled = false;
  // error() drops queued chunks, so a reset waits until the reader has drained the queue (see pull).
  let resetPending = false;
  const stopped = (): boolean => cancelled || options.signal.aborted;
  // Live or buffered, the provider takes one token delay per generated chunk.
  const generatedAt = Date.now() + options.tokenDelayMs * plan.generated;

  async function run(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    let sent = 0;
    let cut = false;
    const burstAt = plan.items.findIndex((item) => item.kind !== "comment");
    for (const [index, item] of plan.items.entries()) {
      if (options.buffered && index === burstAt) await sleep(options.tokenDelayMs * plan.generated, options.signal);
      else if (!options.buffered && item.kind === "content") await sleep(options.tokenDelayMs, options.signal);
      if (stopped()) return abort(controller);
      let bytes = encoder.encode(item.text);
      const limit = options.cutAfterBytes;
      if (limit !== undefined && sent + bytes.length > limit) {
        bytes = bytes.slice(0, Math.max(0, limit - sent));
        cut = true;
      }
      enqueueSplit(controller, bytes, options.splitBytes);
      sent += bytes.length;
      if (cut) break;
    }
    options.onEnd(cut ? { kind: "cut" } : plan.outcome);
    if (!plan.reset) controller.close();
    else if ((controller.desiredSize ?? 0) > 0) controller.error(resetError());
    else resetPending = true;
  }

  function abort(controller: ReadableStreamDefaultController<Uint8Array>): void {
    options.onEnd({ kind: "aborted", generatingMs: Math.max(0, generatedAt - Date.now()), planned: plan.outcome });
    if (cancelled) return;
    try {
      controller.error(options.signal.reason);
    } catch {
      // Already closed by the reader: nothing to report.
    }
  }

  return new ReadableStream<Uint8Array>({
    start(controller) {
      void run(controller).catch(() => undefined);
    },
    pull(controller) {
      // Called once the queue is empty: the reader got every byte sent before the "connection" dropped.
      if (resetPending) controller.error(resetError());
    },
    cancel() {
      cancelled = true;
    },
  });
}

function enqueueSplit(controller: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array, size?: number): void {
  if (bytes.length === 0) return;
  const step = size && size > 0 ? size : bytes.length;
  for (let i = 0; i < bytes.length; i += step) controller.enqueue(bytes.slice(i, i + step));
}

/** Headers of every SSE response (§6.1); `connection: keep-alive` is left to the HTTP server. */
export const SSE_HEADERS: Record<string, string> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  "x-accel-buffering": "no",
};
