// The browser bench's stand-in for bench/harness.ts (the build aliases `../harness` here): instead of
// running once per process, it exposes the contender to the page as `__benchRun`, which bench/browser/run.ts
// calls once per fresh page. CPU time is measured from outside, over the Chrome DevTools Protocol.
import { frames } from "./dom";
import type { Contender, RunContext } from "../harness";
import type { Delivery } from "../workload";
import { expectedText } from "../workload";
import { fakeFetch } from "./fakeFetch";

/** The page runs cold only (one answer per fresh page): send at once. */
export function sendWhenReady(_ctx: RunContext, send: () => void): () => void {
  send();
  return () => undefined;
}

export interface PageResult {
  ok: boolean;
  error?: string;
  wallMs: number;
  requestMs: number;
  commits: number;
  frames: number;
}

// As in Node: throttled contenders may publish once more after "done".
const SETTLE_MS = 150;

export function runChild(contender: Contender): void {
  (globalThis as { __benchRun?: (delivery: Delivery, n: number) => Promise<PageResult> }).__benchRun = async (delivery, n) => {
    let lastMark = 0;
    let requestAt = 0;
    globalThis.fetch = ((input: RequestInfo | URL) => {
      requestAt ||= performance.now();
      return fakeFetch(input);
    }) as typeof fetch;
    const frames0 = frames();
    const t0 = performance.now();
    try {
      const outcome = await contender({ base: `http://bench.invalid/${delivery}/${n}`, n, mounted: false, startClock: () => undefined, mark: () => (lastMark = performance.now()) });
      const doneAt = performance.now();
      const framesRun = frames() - frames0;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const ok = outcome.text() === expectedText(n);
      const result = { ok, wallMs: (lastMark > 0 ? lastMark : doneAt) - t0, requestMs: requestAt - t0, commits: outcome.commits, frames: framesRun };
      outcome.dispose?.();
      return ok ? result : { ...result, error: "wrong text" };
    } catch (error) {
      return { ok: false, error: String(error), wallMs: NaN, requestMs: NaN, commits: NaN, frames: NaN };
    }
  };
}
