/**
 * `npm run bench:browser`: the streaming bench in Debian's Chromium (test/browser's launch, never a
 * downloaded browser). The Node bench's contender files run in a fresh page each run, over a fake fetch
 * whose Response body the page fills (browser/fakeFetch.ts), so no network is involved for anyone.
 * CPU is the renderer main thread's task time (CDP Performance.getMetrics, thread ticks) over the run and
 * a 150 ms settle, which includes style, layout and paint of the rendered text (the floor renders nothing).
 * (CDP's ScriptDuration is no JavaScript-only substitute: it misses the stream-driven promise jobs, so the
 * floor reads near zero.) Frames are the page's own requestAnimationFrame callbacks.
 * Options: --only=ours,naive-16 (floor always kept), --runs=N, --quick (3 runs).
 */
import type { Browser } from "playwright-core";
import { launchChromium } from "../../test/browser/browser";
import type { RunResult } from "../child";
import { renderGoals } from "../goals";
import { CONTENDERS, GOALS, type Contender, type Scenario } from "../scenarios";
import { renderTable, type Cell } from "../table";
import { buildPageBundles } from "./build";
import type { PageResult } from "./harness";

const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? "ours,naive-16").split(",");
const runsArg = Number(args.find((a) => a.startsWith("--runs="))?.slice("--runs=".length)) || (args.includes("--quick") ? 3 : undefined);
const contenders = CONTENDERS.filter((c) => c.id === "floor" || only.includes(c.id));
const scenarios = GOALS.map((s) => ({ ...s, runs: runsArg ?? s.runs }));

async function runInPage(browser: Browser, bundle: string, contender: Contender, scenario: Scenario): Promise<RunResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    // The contender files read process.env (batch and throttle settings), as in their Node children.
    const env = JSON.stringify({ ...contender.env, NODE_ENV: "production" });
    await page.setContent(`<!doctype html><html><body><script>globalThis.process={env:${env}}</script><script>${bundle.replace(/<\/script/g, "<\\/script")}</script></body></html>`);
    const taskSeconds = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN;
    const before = await taskSeconds();
    // A page that never finishes is a failed run, not a hung bench.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timeout (> ${scenario.timeoutMs / 1000} s)`)), scenario.timeoutMs).unref());
    const result = await Promise.race([
      page.evaluate(
        ([delivery, n]) => (globalThis as unknown as { __benchRun: (d: string, n: number) => Promise<PageResult> }).__benchRun(delivery, n),
        [scenario.delivery, scenario.n] as const,
      ),
      timeout,
    ]);
    const cpuMs = ((await taskSeconds()) - before) * 1000;
    return { ...result, cpuMs, peakHeapDeltaBytes: NaN, textLength: 0, error: result.error };
  } catch (error) {
    return { ok: false, error: String(error) };
  } finally {
    await context.close();
  }
}

const bundles = await buildPageBundles([...new Set(contenders.map((c) => c.file))]);
const browser = await launchChromium();
const cells: Cell[] = [];
try {
  for (const scenario of scenarios) {
    for (const contender of contenders) {
      const bundle = bundles.get(contender.file) as string;
      await runInPage(browser, bundle, contender, scenario); // discarded warm-up, as in Node
      const cell: Cell = { scenario, contender, runs: [] };
      for (let i = 0; i < scenario.runs; i++) cell.runs.push(await runInPage(browser, bundle, contender, scenario));
      cells.push(cell);
      const last = cell.runs[cell.runs.length - 1];
      process.stderr.write(`chromium ${scenario.delivery} ${scenario.n} ${contender.id}: ${last?.ok ? "ok" : last?.error}\n`);
    }
  }
} finally {
  await browser.close();
}

const goals = renderGoals(cells, { heap: false });
console.log(
  [
    `Chromium ${browser.version()} (Debian, headless), \`npm run bench:browser\` on ${new Date().toISOString().slice(0, 10)}.`,
    "",
    `Goals of issue 16 in Chromium (heap not measured): ${goals.rows.filter((r) => r.pass).length} of ${goals.rows.length} met.`,
    "",
    goals.table,
    "",
    renderTable(cells),
    "",

    "- Medians over fresh pages (one discarded warm-up page per cell). CPU: the renderer main thread's TaskDuration (CDP, thread ticks) over the run plus a 150 ms settle, including style, layout and paint of the text (the floor renders none). Frames: the page's requestAnimationFrame. Wall: start to the last commit (React) or end of parsing (floor). Same contender files and text as `npm run bench`; the body comes from an in-page ReadableStream, not a socket.",
  ].join("\n"),
);
