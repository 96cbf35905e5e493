import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/** The parts of a V8 .cpuprofile this script reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Self time in µs per source file and per function, inside the measured window only. */
export interface SelfTimes {
  totalUs: number;
  /** Samples in the window where the thread waited (for the network, a timer or a frame). */
  idleUs: number;
  byFile: Map<string, number>;
  byFunction: Map<string, number>;
  byLayer: Map<string, number>;
}

const maps = new Map<string, SourceMap | null>();
function sourceMapFor(url: string): SourceMap | null {
  if (!maps.has(url)) {
    try {
      maps.set(url, new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8"))));
    } catch {
      maps.set(url, null); // no map (happy-dom loaded from node_modules): the URL is the file
    }
  }
  return maps.get(url) ?? null;
}

/** The coarse owner of a file: ours (src/), a package, Node itself, the bench, or V8's own buckets. */
function layer(file: string): string {
  if (file.startsWith("src/core/")) return "ours: src/core";
  if (file.startsWith("src/react/")) return "ours: src/react";
  if (file.startsWith("bench/")) return "bench harness and contender";
  if (file.startsWith("node:") || file === "(native)" || file.startsWith("wasm:")) return "Node: fetch (undici), streams, timers";
  if (["react", "react-dom", "scheduler"].includes(file)) return "React (react-dom, scheduler)";
  return file; // a package (zustand, eventsource-parser, happy-dom) or (garbage collector) / (program)
}

/** node_modules/<pkg>/… → the package; the repo's own files relative to the repo; node:internal as is. */
function shortFile(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1] as string;
  const repo = /\/(src|bench|test)\/.*$/.exec(path);
  return repo ? repo[0].slice(1) : path.replace(/^file:\/\//, "") || "(native)";
}

function locate(frame: CpuProfile["nodes"][number]["callFrame"]): { file: string; fn: string } {
  const name = frame.functionName || "(anonymous)";
  if (!frame.url) return { file: name.startsWith("(") ? name : "(native)", fn: name };
  // findEntry returns {} where nothing maps.
  const entry: { originalSource?: string; originalLine?: number } | undefined = frame.url.startsWith("file:") ? sourceMapFor(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) : undefined;
  // Map sources are relative to the bundle (../../react-dom/…): resolve them to absolute paths.
  const source = entry?.originalSource ? new URL(entry.originalSource, frame.url).pathname : frame.url;
  const line = (entry?.originalLine ?? frame.lineNumber) + 1;
  const file = shortFile(source);
  return { file, fn: `${name} (${file}:${line})` };
}

/** Adds one profile's samples that fall inside [fromUs, toUs] (the harness's measured span; "(idle)" excluded). */
export function addProfile(into: SelfTimes, path: string, [fromUs, toUs]: [number, number]): void {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const where = new Map(profile.nodes.map((n) => [n.id, locate(n.callFrame)]));
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i + 1] ?? 0; // a sample's time is the gap to the next one
    at += profile.timeDeltas[i] ?? 0;
    const loc = where.get(id);
    if (at < fromUs || at > toUs || !loc) return;
    if (loc.fn === "(idle)") {
      into.idleUs += delta;
      return;
    }
    into.totalUs += delta;
    into.byFile.set(loc.file, (into.byFile.get(loc.file) ?? 0) + delta);
    into.byFunction.set(loc.fn, (into.byFunction.get(loc.fn) ?? 0) + delta);
    const owner = layer(loc.file);
    into.byLayer.set(owner, (into.byLayer.get(owner) ?? 0) + delta);
  });
}

export const emptySelfTimes = (): SelfTimes => ({ totalUs: 0, idleUs: 0, byFile: new Map(), byFunction: new Map(), byLayer: new Map() });

/** Markdown: the top files and functions by self time, in ms per run and share of the total. */
export function renderSelfTimes(title: string, t: SelfTimes, runs: number, top = 15): string {
  const row = ([name, us]: [string, number]) => `| ${name.replace(/\|/g, "/")} | ${(us / 1000 / runs).toFixed(1)} | ${((100 * us) / t.totalUs).toFixed(1)}% |`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return [
    `### ${title}: ${(t.totalUs / 1000 / runs).toFixed(1)} ms sampled CPU and ${(t.idleUs / 1000 / runs).toFixed(1)} ms idle per run (mean of ${runs})`,
    "",
    "| Layer | self ms / run | share |",
    "|---|--:|--:|",
    ...sorted(t.byLayer).map(row),
    "",
    "| File | self ms / run | share |",
    "|---|--:|--:|",
    ...sorted(t.byFile).slice(0, top).map(row),
    "",
    "| Function | self ms / run | share |",
    "|---|--:|--:|",
    ...sorted(t.byFunction).slice(0, top).map(row),
  ].join("\n");
}
