/**
 * `npm run bench:profile`: where ours spends CPU that the floor does not. Runs the bench child of each
 * contender with `node --cpu-prof` for 1,000 and 10,000 chunks in one write, keeps only the samples inside
 * the harness's measured span, maps them through the bundles' source maps, and prints self time by file and
 * by function, then ours minus the floor per file. Profiles stay in node_modules/.cache/saas-llm-bench/profiles.
 * Options: --runs=N (default 3), --only=ours,naive (floor always kept), --n=1000,10000, --warm-answers=K
 * (K unmeasured answers first in each child: what is left once the code is warm), --before-request (only the
 * samples from the start of the clock to the contender's first fetch: what delays the request),
 * --interval=µs (the sampling interval; Node's default is 1000), --top=N (rows per table, default 15).
 */
import { mkdir, readdir, rm } from "node:fs/promises";
import { buildContenders, outDir } from "../build";
import { runInChild } from "../child";
import { CONTENDERS, type Scenario } from "../scenarios";
import { startServer } from "../server";
import { addProfile, emptySelfTimes, renderSelfTimes, type SelfTimes } from "./analyse";

const args = process.argv.slice(2);
const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(opt("runs")) || 3;
const only = (opt("only") ?? "ours").split(",");
const ns = (opt("n") ?? "1000,10000").split(",").map(Number);
const warm = opt("warm-answers");
// --mounted: profile answers sent to an already mounted chat (see bench/run.ts).
const mounted = args.includes("--mounted");
const beforeRequest = args.includes("--before-request");
const interval = opt("interval");
const top = Number(opt("top")) || 15;
const contenders = CONTENDERS.filter((c) => c.id === "floor" || only.includes(c.id)).map((c) => ({
  ...c,
  env: { ...c.env, ...(warm ? { BENCH_WARM_ANSWERS: warm } : {}), ...(mounted ? { BENCH_MOUNTED: "1" } : {}) },
}));
const profileDir = `${outDir}profiles/`;

await buildContenders();
await rm(profileDir, { recursive: true, force: true });
const server = await startServer();
const results = new Map<string, { times: SelfTimes; cpuMs: number[] }>();
try {
  for (const n of ns) {
    const scenario: Scenario = { delivery: "one", n, runs, timeoutMs: 60_000 };
    for (const contender of contenders) {
      await runInChild(contender, scenario, server.url); // warm-up, unprofiled
      const times = emptySelfTimes();
      const cpuMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const dir = `${profileDir}${contender.id}-${n}-${i}`;
        await mkdir(dir, { recursive: true });
        const flags = ["--cpu-prof", `--cpu-prof-dir=${dir}`, ...(interval ? [`--cpu-prof-interval=${interval}`] : [])];
        const run = await runInChild(contender, scenario, server.url, flags);
        if (!run.ok || !run.windowUs) throw new Error(`${contender.id} ${n}: ${run.error ?? "no window"}`);
        cpuMs.push(run.cpuMs);
        const [from, to] = run.windowUs;
        // The floor fetches at once: its window before the request is empty, and ours − floor is all of ours.
        const window: [number, number] = beforeRequest ? [from, from + Math.round((run.requestMs ?? 0) * 1000)] : [from, to];
        for (const file of await readdir(dir)) addProfile(times, `${dir}/${file}`, window);
      }
      results.set(`${contender.id} ${n}`, { times, cpuMs });
      process.stderr.write(`profiled ${contender.id} ${n}\n`);
    }
  }
} finally {
  await server.close();
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const out: string[] = [];
for (const [key, { times, cpuMs }] of results) {
  out.push(renderSelfTimes(`${key} chunks (process CPU ${mean(cpuMs).toFixed(0)} ms / run under the profiler)`, times, runs, top), "");
}
// Ours minus the floor per file at each N: what the extra CPU is made of.
for (const id of only) {
  for (const n of ns) {
    const ours = results.get(`${id} ${n}`)?.times;
    const floor = results.get(`floor ${n}`)?.times;
    if (!ours || !floor) continue;
    const diffOf = (a: Map<string, number>, b: Map<string, number>) =>
      [...new Set([...a.keys(), ...b.keys()])].map((f) => [f, ((a.get(f) ?? 0) - (b.get(f) ?? 0)) / 1000 / runs] as const).sort((x, y) => y[1] - x[1]);
    out.push(
      `### ${id} − floor, ${n.toLocaleString("en-US")} chunks: ${((ours.totalUs - floor.totalUs) / 1000 / runs).toFixed(1)} ms sampled CPU per run`,
      "",
      "| Layer or file | Δ self ms / run |",
      "|---|--:|",
      ...diffOf(ours.byLayer, floor.byLayer).map(([f, ms]) => `| **${f}** | ${ms.toFixed(1)} |`),
      ...diffOf(ours.byFile, floor.byFile).filter(([f, ms]) => Math.abs(ms) >= 0.5 && !ours.byLayer.has(f)).map(([f, ms]) => `| ${f} | ${ms.toFixed(1)} |`),
      "",
    );
  }
}
// Extra CPU = fixed + per-chunk × N: two Ns give both (sampled self time, as above).
for (const id of only) {
  const extra = ns.map((n) => {
    const [a, b] = [results.get(`${id} ${n}`)?.times, results.get(`floor ${n}`)?.times];
    return a && b ? (a.totalUs - b.totalUs) / 1000 / runs : NaN;
  });
  const [n1, n2] = ns as [number, number];
  if (ns.length === 2 && extra.every(Number.isFinite)) {
    const perChunk = ((extra[1] as number) - (extra[0] as number)) / (n2 - n1);
    out.push(`${id} − floor: fixed ≈ ${((extra[0] as number) - perChunk * n1).toFixed(1)} ms per answer + ${(perChunk * 1000).toFixed(2)} ms per 1,000 chunks (sampled, ${runs} runs).`, "");
  }
}
console.log(out.join("\n"));
