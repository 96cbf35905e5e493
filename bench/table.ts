import type { ChildResult } from "./harness";
import type { RunResult } from "./child";
import type { Contender, Scenario } from "./scenarios";

export interface Cell {
  scenario: Scenario;
  contender: Contender;
  runs: RunResult[];
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export interface Summary {
  ok: boolean;
  error?: string;
  wallMs: number;
  requestMs: number;
  cpuMs: number;
  commits: number;
  frames: number;
  heapMB: number;
}

/** Medians over the measured runs; one failed run (wrong text, error, timeout) fails the cell. */
export function summarize(cell: Cell): Summary {
  const failed = cell.runs.find((r) => !r.ok);
  if (failed) return { ok: false, error: failed.error ?? "failed", wallMs: NaN, requestMs: NaN, cpuMs: NaN, commits: NaN, frames: NaN, heapMB: NaN };
  const runs = cell.runs as ChildResult[];
  return {
    ok: true,
    wallMs: median(runs.map((r) => r.wallMs)),
    requestMs: median(runs.map((r) => r.requestMs ?? NaN)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    commits: median(runs.map((r) => r.commits)),
    frames: median(runs.map((r) => r.frames)),
    heapMB: median(runs.map((r) => r.peakHeapDeltaBytes)) / 2 ** 20,
  };
}

const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–");

/** One markdown table; ratios are against the floor of the same scenario in the same run. */
export function renderTable(cells: Cell[]): string {
  const rows = ["| Workload | Contender | Protocol | Wall ms | Request at ms | CPU ms | CPU × floor | Commits | Commits / frame | Peak heap Δ MB | Heap × floor | Text |", "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|"];
  const floors = new Map<Scenario, Summary>();
  for (const cell of cells) if (cell.contender.id === "floor") floors.set(cell.scenario, summarize(cell));
  for (const cell of cells) {
    const s = summarize(cell);
    const floor = floors.get(cell.scenario);
    const { delivery, n, runs } = cell.scenario;
    const workload = `${delivery} ${n.toLocaleString("en-US")} (×${runs})`;
    const isFloor = cell.contender.id === "floor";
    const perFrame = !isFloor && delivery === "paced" && s.frames > 0 ? fmt(s.commits / s.frames, 2) : "–";
    const ratio = (a: number, b: number | undefined) => (isFloor || !b ? "–" : `${fmt(a / b, 2)}×`);
    rows.push(
      s.ok
        ? `| ${workload} | ${cell.contender.label} | ${cell.contender.protocol} | ${fmt(s.wallMs)} | ${fmt(s.requestMs)} | ${fmt(s.cpuMs)} | ${ratio(s.cpuMs, floor?.cpuMs)} | ${isFloor ? "–" : fmt(s.commits)} | ${perFrame} | ${fmt(s.heapMB, 1)} | ${ratio(s.heapMB, floor?.heapMB)} | exact |`
        : `| ${workload} | ${cell.contender.label} | ${cell.contender.protocol} | – | – | – | – | – | – | – | – | **FAIL**: ${s.error?.replace(/\|/g, "/")} |`,
    );
  }
  return rows.join("\n");
}
