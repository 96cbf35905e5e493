/**
 * `npm run bench:profile`: where ours spends CPU that the floor does not. Runs the bench child of each
 * contender with `node --cpu-prof` for 1,000 and 10,000 chunks in one write, keeps only the samples inside
 * the harness's measured span, maps them through the bundles' source maps, and prints self time by file and
 * by function, then ours minus the floor per file. Profiles stay in node_modules/.cache/saas-llm-bench/profiles.
 * Options: --runs=N (default 3), --only=ours,naive (floor always kept), --n=1000,10000.
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
const contenders = CONTENDERS.filter((c) => c.id === "floor" || only.includes(c.id));
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
        const run = await runInChild(contender, scenario, server.url, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
        if (!run.ok || !run.windowUs) throw new Error(`${contender.id} ${n}: ${run.error ?? "no window"}`);
        cpuMs.push(run.cpuMs);
        for (const file of await readdir(dir)) addProfile(times, `${dir}/${file}`, run.windowUs);
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
  out.push(renderSelfTimes(`${key} chunks (process CPU ${mean(cpuMs).toFixed(0)} ms / run under the profiler)`, times, runs), "");
}
// Ours minus the floor per file at each N: what the extra CPU is made of.
for (const id of only) {
  for (const n of ns) {
    const ours = results.get(`${id} ${n}`)?.times;
    const floor = results.get(`floor ${n}`)?.times;
    if (!ours || !floor) continue;
    const files = new Set([...ours.byFile.keys(), ...floor.byFile.keys()]);
    const diff = [...files].map((f) => [f, ((ours.byFile.get(f) ?? 0) - (floor.byFile.get(f) ?? 0)) / 1000 / runs] as const).sort((a, b) => b[1] - a[1]);
    out.push(
      `### ${id} − floor, ${n.toLocaleString("en-US")} chunks: ${((ours.totalUs - floor.totalUs) / 1000 / runs).toFixed(1)} ms sampled CPU per run`,
      "",
      "| File | Δ self ms / run |",
      "|---|--:|",
      ...diff.filter(([, ms]) => Math.abs(ms) >= 0.5).map(([f, ms]) => `| ${f} | ${ms.toFixed(1)} |`),
      "",
    );
  }
}
console.log(out.join("\n"));
