import { spawn } from "node:child_process";
import { outDir } from "./build";
import type { ChildResult } from "./harness";
import type { Contender, Scenario } from "./scenarios";

export type RunResult = ChildResult | { ok: false; error: string; timedOut?: boolean };

/**
 * One measured run: a fresh Node process, --expose-gc for the heap baseline, NODE_ENV=production.
 * `nodeArgs` adds flags (bench/profile passes --cpu-prof).
 */
export function runInChild(contender: Contender, scenario: Scenario, serverUrl: string, nodeArgs: string[] = []): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", ...nodeArgs, `${outDir}${contender.file}.mjs`], {
      env: { ...process.env, ...contender.env, NODE_ENV: "production", BENCH_BASE: `${serverUrl}/${scenario.delivery}/${scenario.n}`, BENCH_N: String(scenario.n) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), scenario.timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (line) resolve(JSON.parse(line.slice("BENCH_RESULT ".length)) as ChildResult);
      else if (signal === "SIGKILL") resolve({ ok: false, error: `timeout (> ${scenario.timeoutMs / 1000} s)`, timedOut: true });
      else resolve({ ok: false, error: `exit ${code}: ${err.trim().split("\n").slice(-3).join(" ")}` });
    });
  });
}
