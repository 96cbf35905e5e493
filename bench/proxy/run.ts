/**
 * `npm run bench:proxy`: the proxy over loopback against the simulator. Prints p50/p99 overhead against going
 * direct (JSON and SSE), the proxy process's RSS, heap and sockets before and after 3,000 answers, and how
 * fast a browser disconnect aborts the upstream request. `--quick` runs a tenth of it.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { cpus, loadavg } from "node:os";
import { createSimulator, type Simulator } from "@saas-litellm/react/testing";
import { startSimulatorServer } from "@saas-litellm/react/testing/node";
import { disconnects, jsonBalance, percentile, run, sseStream, type Workload } from "./load";
import type { ProxyStats } from "./proxyChild";

const quick = process.argv.includes("--quick");
const PER_WORKLOAD = quick ? 150 : 1_500; // proxied answers per workload: 2 × 1,500 = 3,000
const CONCURRENCY = 10;
const DISCONNECTS = quick ? 10 : 100;

const simulator = createSimulator({ seed: 1, tokenDelayMs: 0 });
const upstreamSignals: AbortSignal[] = [];
const observed: Simulator = { ...simulator, fetch: (input, init) => {
  const request = new Request(input, init);
  upstreamSignals.push(request.signal);
  return simulator.fetch(request);
} };
const upstream = await startSimulatorServer(observed);
// A fresh simulator with credits for every answer of a batch (its ledger stays small).
const fresh = () => {
  simulator.reset();
  simulator.team().setCredits(1_000_000);
};
fresh();
const child = fork(new URL("./proxyChild.ts", import.meta.url), [], { execArgv: ["--expose-gc", "--import", "tsx"], env: { ...process.env, UPSTREAM_URL: upstream.url } });
const [{ port }] = (await once(child, "message")) as [{ port: number }];
const proxied = `http://127.0.0.1:${port}/llm`;
const stats = async (): Promise<ProxyStats> => {
  child.send("stats");
  return ((await once(child, "message")) as [ProxyStats])[0];
};

// Warm both paths (JIT, pools), then the baseline.
for (const workload of [jsonBalance, sseStream]) for (const direct of [true, false]) await run(workload, direct ? upstream.url : proxied, direct, 100, CONCURRENCY);
fresh();
const before = await stats();

const rows: string[] = [];
const mid: ProxyStats[] = [];
for (const [name, workload] of [["JSON (E13 balance)", jsonBalance], ["SSE (E6 stream)", sseStream]] as Array<[string, Workload]>) {
  const direct: number[] = [];
  const viaProxy: number[] = [];
  // Alternate batches so machine noise lands on both sides alike.
  for (let done = 0; done < PER_WORKLOAD; done += 100) {
    direct.push(...(await run(workload, upstream.url, true, 100, CONCURRENCY)));
    viaProxy.push(...(await run(workload, proxied, false, 100, CONCURRENCY)));
    fresh();
  }
  const cell = (p: number) => `${percentile(direct, p).toFixed(2)} / ${percentile(viaProxy, p).toFixed(2)} / +${(percentile(viaProxy, p) - percentile(direct, p)).toFixed(2)}`;
  rows.push(`| ${name} | ${viaProxy.length} | ${cell(50)} | ${cell(99)} |`);
  mid.push(await stats());
}
const after = mid[1]!;

simulator.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 50 } }, { times: DISCONNECTS });
const aborts = await disconnects(proxied, upstreamSignals, DISCONNECTS);
const finite = aborts.filter(Number.isFinite);
const settled = await stats();

const fmt = (s: ProxyStats) => `${s.rssMB.toFixed(1)} MB RSS, ${s.heapMB.toFixed(1)} MB heap (after GC), ${s.inbound} inbound connections, ${s.sockets} open sockets`;
console.log(`proxy bench (${quick ? "quick" : "full"}), concurrency ${CONCURRENCY}, loopback, Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} at the end\n`);
console.log("| workload | proxied answers | p50 ms direct / proxy / overhead | p99 ms direct / proxy / overhead |\n|---|---|---|---|");
console.log(rows.join("\n"));
console.log(`\nproxy process before: ${fmt(before)}`);
console.log(`proxy process after ${PER_WORKLOAD} answers: ${fmt(mid[0]!)}`);
console.log(`proxy process after ${2 * PER_WORKLOAD} answers: ${fmt(after)}`);
console.log(`after ${DISCONNECTS} disconnects: ${fmt(settled)}`);
console.log(`disconnects: ${finite.length} of ${DISCONNECTS} upstream requests aborted; p50 ${percentile(finite, 50).toFixed(1)} ms, max ${Math.max(...finite).toFixed(1)} ms`);

child.disconnect();
await upstream.close();
