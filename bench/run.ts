/**
 * `npm run bench` (or `npm run bench -- --quick`): builds the contenders, serves the workload from this
 * process, runs every contender in a fresh child per run and prints the goal table of issue 16 (each goal
 * as a figure and pass/fail) and the full table. Only `--write` saves it, to bench/results/latest.md
 * (quick runs to bench/results/quick.md).
 * Options: --quick (the goal rows only, 3 runs), --only=ours,floor (floor is always kept for the ratios),
 * --runs=N, --write, --warm-answers=K (each child streams K unmeasured answers first: warm-code figures),
 * --mounted (the chat is mounted before the clock starts; the answer is sent from a later task, like a click).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { buildContenders } from "./build";
import { runInChild } from "./child";
import { CONTENDERS, FULL, QUICK } from "./scenarios";
import { startServer } from "./server";
import { encodeEvents } from "./workload";
import { renderGoals } from "./goals";
import { renderTable, type Cell } from "./table";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const write = args.includes("--write");
const runsArg = Number(args.find((a) => a.startsWith("--runs="))?.slice("--runs=".length)) || undefined;

// --mounted: the chat is on screen before the clock starts and the answer is sent from a later task (a click).
const mounted = args.includes("--mounted");
const warmAnswers = args.find((a) => a.startsWith("--warm-answers="))?.slice("--warm-answers=".length);
const contenders = (only ? CONTENDERS.filter((c) => c.id === "floor" || only.includes(c.id)) : CONTENDERS).map((c) =>
  ({ ...c, env: { ...c.env, ...(warmAnswers ? { BENCH_WARM_ANSWERS: warmAnswers } : {}), ...(mounted ? { BENCH_MOUNTED: "1" } : {}) } }),
);
const scenarios = (quick ? QUICK : FULL).map((s) => ({ ...s, runs: runsArg ?? s.runs }));

await buildContenders();
const server = await startServer();
const cells: Cell[] = [];
try {
  for (const scenario of scenarios) {
    for (const contender of contenders) {
      // The warm-up run is discarded (disk cache, server buffers); a warm-up that times out ends the cell.
      const warm = await runInChild(contender, scenario, server.url);
      const cell: Cell = { scenario, contender, runs: [] };
      if (!warm.ok && "timedOut" in warm && warm.timedOut) cell.runs.push(warm);
      else for (let i = 0; i < scenario.runs; i++) cell.runs.push(await runInChild(contender, scenario, server.url));
      cells.push(cell);
      const last = cell.runs[cell.runs.length - 1];
      process.stderr.write(`${scenario.delivery} ${scenario.n} ${contender.id}: ${last?.ok ? "ok" : last?.error}\n`);
    }
  }
} finally {
  await server.close();
}

// The two protocols carry the same text in different envelopes: say how different, in bytes.
const bytes = (protocol: "openai" | "ui-message-stream", n: number) => encodeEvents(protocol, n).reduce((sum, b) => sum + b.length, 0);
const perChunk = (protocol: "openai" | "ui-message-stream") => Math.round((bytes(protocol, 1000) - bytes(protocol, 0)) / 1000);

const shown = args.filter((a) => a !== "--write");
const command = `npm run bench${shown.length ? ` -- ${shown.join(" ")}` : ""}`;
const cpu = cpus()[0]?.model ?? "unknown CPU";
const goals = renderGoals(cells);
const passed = goals.rows.filter((r) => r.pass).length;
const report = [
  `Produced by \`${command}\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpu} (${cpus().length} cores).`,
  "",
  mounted
    ? "Mounted runs: each React contender mounts its chat, and 100 ms later sends from a timer (as a click would); every measure starts at that send. The floor has nothing to mount, so its runs are the usual ones."
    : "Cold runs: every measure starts before the React root is created, so each answer pays mounting its chat and running the code for the first time.",
  "",
  `Goals of issue 16 (ours against the floor of the same workload, medians): ${passed} of ${goals.rows.length} met.`,
  "",
  goals.table,
  "",
  "All cells:",
  "",
  renderTable(cells),
  "",
  "- Each figure is the median of the runs shown (×N), each run in a fresh Node process after one discarded warm-up run. React 19 production build (its profiling variant, so `<Profiler onRender>` counts commits), happy-dom as the DOM, Node's own fetch.",
  "- Workload: a local server on 127.0.0.1; `one` writes the whole body in a single write, `fast` writes each SSE event as fast as the socket takes it, `split` cuts the body at random 1–64 byte offsets (through lines and UTF-8 sequences), `paced` sends 1 event per ms (only up to N = 10,000: 100,000 would take 100 s per run).",
  `- Protocols: the floor, ours and the naive hook read OpenAI \`chat.completion.chunk\` SSE ending in \`[DONE]\`; the AI SDK reads its native UI message stream (\`text-delta\` events, \`x-vercel-ai-ui-message-stream: v1\`). Same text and words; the envelopes differ: ${perChunk("openai")} B per chunk for OpenAI, ${perChunk("ui-message-stream")} B for the UI message stream.`,
  "- Frames: a 60 Hz clock (`requestAnimationFrame` every 1000/60 ms of wall time; late frames are not replayed). Commits / frame = commits ÷ frames elapsed, for paced runs.",
  "- Wall: request start to the last commit (React) or end of parsing (floor). CPU: process.cpuUsage over the same span plus a 150 ms idle settle for throttled updates. Peak heap Δ: max `used_heap_size` sampled every 5 ms minus the level after `gc()`.",
  "- Text: the DOM's `textContent` (the floor's string) must equal the expected text exactly; otherwise the cell is a FAIL.",
].join("\n");

console.log(report);
if (write) {
  const out = fileURLToPath(new URL(`./results/${quick ? "quick" : "latest"}${mounted ? "-mounted" : ""}.md`, import.meta.url));
  await mkdir(fileURLToPath(new URL("./results/", import.meta.url)), { recursive: true });
  await writeFile(out, `# Streaming benchmark\n\n${report}\n`);
  process.stderr.write(`written to ${out}\n`);
}
