import { getHeapStatistics } from "node:v8";
import { expectedText } from "./workload";
import { frames } from "./dom";

export interface RunContext {
  /** Base URL including the delivery and N prefix; append `/api/...`. */
  base: string;
  n: number;
  /** Marks the moment the user would see text: the contender calls it on every commit (or once at the end). */
  mark(): void;
  /**
   * `--mounted` runs: the chat is already on screen and the user clicks Send. `sendWhenReady` calls this right
   * before the send (after a React contender mounted; the floor just waits): every measure (CPU, wall, frames,
   * heap) restarts there, so page mount is left out and what remains is the cost of one answer. A no-op in the
   * default (cold mount) runs.
   */
  startClock(): void;
  /** True in `--mounted` runs: mount first, then call `startClock()` and send from a later task (as a click would). */
  mounted: boolean;
}
export interface RunOutcome {
  /** The text the user ends up with (the DOM's textContent for React contenders). */
  text(): string;
  /** React commits (Profiler onRender), 0 for the floor. */
  commits: number;
  /** Unmounts and releases everything. */
  dispose?(): void;
}
export type Contender = (ctx: RunContext) => Promise<RunOutcome>;

// A mounted run sends from a later task, as a click on an idle page would: mount and load have settled.
const CLICK_AFTER_MS = 100;

/**
 * Runs `send` the way the run asks: at once in cold runs; in `--mounted` runs from a timer 100 ms later,
 * right after restarting every measure. Every contender, the floor included, sends through this, so all of
 * them start from the same idle process. Returns a cancel for effect cleanups.
 */
export function sendWhenReady(ctx: RunContext, send: () => void, onClockStart: () => void = () => undefined): () => void {
  if (!ctx.mounted) {
    send();
    return () => undefined;
  }
  const timer = setTimeout(() => {
    ctx.startClock();
    onClockStart();
    send();
  }, CLICK_AFTER_MS);
  return () => clearTimeout(timer);
}

export interface ChildResult {
  ok: boolean;
  error?: string;
  wallMs: number;
  cpuMs: number;
  commits: number;
  frames: number;
  peakHeapDeltaBytes: number;
  textLength: number;
  /** Start to the contender's first fetch call: the part of wall time spent before the request (mounting, effects). */
  requestMs?: number;
  /** The measured span on the monotonic clock in µs (the clock of .cpuprofile timestamps), for bench/profile. */
  windowUs?: [number, number];
}

// Throttled contenders publish their last text up to one throttle window after "done": wait that out,
// then read what the user ended up with. The wait is idle and costs no CPU worth counting.
const SETTLE_MS = 150;
const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = () => getHeapStatistics().used_heap_size;

/** Runs one contender once in this (fresh) process and prints one JSON line for bench/run.ts. */
export async function runChild(contender: Contender): Promise<void> {
  const base = process.env.BENCH_BASE ?? "";
  const n = Number(process.env.BENCH_N);
  const expected = expectedText(n);
  // Loading undici and opening the keep-alive connection is a fixed cost every contender would pay:
  // do it before the clock starts so small N measure streaming, not start-up.
  await fetch(`${base}/warmup`).then((res) => res.arrayBuffer()).catch(() => undefined);
  // BENCH_WARM_ANSWERS=k streams k unmeasured answers first: the measured one then runs warm (JIT-compiled
  // code), which separates the cost of running code for the first time from the cost of each answer.
  for (let i = 0; i < Number(process.env.BENCH_WARM_ANSWERS ?? 0); i++) (await contender({ base, n, mounted: false, startClock: () => undefined, mark: () => undefined })).dispose?.();
  let heap0 = 0;
  let peak = 0;
  let frames0 = 0;
  let window0 = 0;
  let cpu0 = process.cpuUsage();
  let t0 = 0;
  let lastMark = 0;
  let requestAt = 0;
  const us = () => Number(process.hrtime.bigint() / 1000n);
  // Every baseline at once: at the start, and again when a mounted run's contender is about to send.
  const arm = () => {
    gc?.();
    gc?.();
    heap0 = peak = heapUsed();
    frames0 = frames();
    window0 = us();
    lastMark = requestAt = 0;
    cpu0 = process.cpuUsage();
    t0 = performance.now();
  };
  // 5 ms is well under one frame; a long synchronous stretch delays samples, but the heap only grows during it.
  const sampler = setInterval(() => (peak = Math.max(peak, heapUsed())), 5);
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    requestAt ||= performance.now();
    return realFetch(input, init);
  };
  const mounted = process.env.BENCH_MOUNTED === "1";
  arm();
  const result: ChildResult = { ok: false, wallMs: 0, cpuMs: 0, commits: 0, frames: 0, peakHeapDeltaBytes: 0, textLength: 0 };
  try {
    const outcome = await contender({ base, n, mounted, startClock: () => mounted && arm(), mark: () => (lastMark = performance.now()) });
    const doneAt = performance.now();
    const framesRun = frames() - frames0;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const cpu = process.cpuUsage(cpu0);
    result.windowUs = [window0, us()];
    peak = Math.max(peak, heapUsed());
    const text = outcome.text();
    // Wall time ends when the final text reached the screen (the last commit), or at resolve for the floor.
    Object.assign(result, {
      wallMs: (lastMark > 0 ? lastMark : doneAt) - t0,
      requestMs: requestAt - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
      commits: outcome.commits,
      frames: framesRun,
      peakHeapDeltaBytes: peak - heap0,
      textLength: text.length,
      ok: text === expected,
    });
    if (!result.ok) result.error = `wrong text: ${text.length} chars, expected ${expected.length}${firstDiff(text, expected)}`;
    outcome.dispose?.();
  } catch (error) {
    result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } finally {
    clearInterval(sampler);
  }
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return ` (first difference at ${i})`;
}
