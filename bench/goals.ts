import type { Delivery } from "./server";
import { summarize, type Cell, type Summary } from "./table";

const FRAME_MS = 1000 / 60;

/** One goal of issue 16: a figure of ours from one scenario, its limit, and how the anchors did in the same run. */
interface Goal {
  what: string;
  delivery: Delivery;
  /** Undefined: every N of this delivery in the run. */
  n?: number;
  /** ours, floor → the figure shown and whether it meets the goal. */
  measure(ours: Summary, floor: Summary): { figure: string; pass: boolean };
  goal: string;
  /** An anchor's figure in the same cell, for comparison. */
  anchor(s: Summary, floor: Summary): string;
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–");
const cpuRatio = (limit: number) => (s: Summary, f: Summary) => ({ figure: `${fmt(s.cpuMs / f.cpuMs)}×`, pass: s.cpuMs / f.cpuMs <= limit });
const cpuAnchor = (s: Summary, f: Summary) => `${fmt(s.cpuMs / f.cpuMs)}×`;

// The request time splits the wall: before it, mounting and effects; after it, reading and rendering.
const wallVsFloor = (s: Summary, f: Summary) => ({
  figure: `${fmt(s.wallMs, 0)} (floor ${fmt(f.wallMs, 0)}; request at ${fmt(s.requestMs, 0)} vs ${fmt(f.requestMs, 0)})`,
  pass: s.wallMs <= f.wallMs + FRAME_MS,
});

const GOALS: Goal[] = [
  { what: "CPU × floor", delivery: "one", n: 1_000, measure: cpuRatio(1.25), goal: "≤ 1.25×", anchor: cpuAnchor },
  { what: "CPU × floor", delivery: "one", n: 10_000, measure: cpuRatio(1.25), goal: "≤ 1.25×", anchor: cpuAnchor },
  { what: "CPU × floor", delivery: "one", n: 100_000, measure: cpuRatio(1.15), goal: "≤ 1.15×", anchor: cpuAnchor },
  { what: "CPU × floor", delivery: "paced", n: 1_000, measure: cpuRatio(1.6), goal: "≤ 1.6×", anchor: cpuAnchor },
  {
    what: "commits vs frames elapsed",
    delivery: "paced",
    n: 1_000,
    measure: (s) => ({ figure: `${fmt(s.commits, 0)} in ${fmt(s.frames, 0)} frames`, pass: s.commits <= s.frames + 2 }),
    goal: "≤ frames + 2",
    anchor: (s) => `${fmt(s.commits, 0)} in ${fmt(s.frames, 0)}`,
  },
  {
    what: "peak heap Δ × floor",
    delivery: "one",
    n: 100_000,
    measure: (s, f) => ({ figure: `${fmt(s.heapMB / f.heapMB)}× (${fmt(s.heapMB, 1)} MB)`, pass: s.heapMB / f.heapMB <= 1.1 }),
    goal: "≤ 1.1×",
    anchor: (s, f) => `${fmt(s.heapMB / f.heapMB)}×`,
  },
  {
    what: "wall ms to the final text",
    delivery: "one",
    measure: wallVsFloor,
    goal: "≤ floor + 16.7",
    anchor: (s) => fmt(s.wallMs, 0),
  },
  {
    what: "wall ms to the final text",
    delivery: "paced",
    measure: wallVsFloor,
    goal: "≤ floor + 16.7",
    anchor: (s) => fmt(s.wallMs, 0),
  },
];

export interface GoalRow {
  pass: boolean;
  line: string;
}

/** The goal table: one row per goal and N present in the run, ours against the floor of the same scenario. */
export function renderGoals(cells: Cell[], { heap = true }: { heap?: boolean } = {}): { table: string; rows: GoalRow[] } {
  const find = (id: string, delivery: Delivery, n: number) => cells.find((c) => c.contender.id === id && c.scenario.delivery === delivery && c.scenario.n === n);
  const anchors = [...new Set(cells.map((c) => c.contender).filter((c) => c.id !== "floor" && c.id !== "ours"))];
  const cols = (xs: string[]) => xs.map((x) => ` ${x} |`).join("");
  const head = `| Goal | Workload | ours | Goal | Pass |${cols(anchors.map((a) => a.label))}`;
  const rows: GoalRow[] = [];
  for (const goal of GOALS) {
    if (!heap && goal.what.startsWith("peak heap")) continue;
    const ns = goal.n !== undefined ? [goal.n] : [...new Set(cells.filter((c) => c.scenario.delivery === goal.delivery).map((c) => c.scenario.n))].sort((a, b) => a - b);
    for (const n of ns) {
      const [oursCell, floorCell] = [find("ours", goal.delivery, n), find("floor", goal.delivery, n)];
      if (!oursCell || !floorCell) continue;
      const [ours, floor] = [summarize(oursCell), summarize(floorCell)];
      const workload = `${goal.delivery === "one" ? "one write" : "1 per ms"}, ${n.toLocaleString("en-US")}`;
      const m = ours.ok && floor.ok ? goal.measure(ours, floor) : { figure: `FAIL: ${ours.error ?? floor.error}`, pass: false };
      const anchorFigures = anchors.map((a) => {
        const cell = find(a.id, goal.delivery, n);
        const s = cell && summarize(cell);
        return s?.ok && floor.ok ? goal.anchor(s, floor) : s ? "FAIL" : "–";
      });
      rows.push({ pass: m.pass, line: `| ${goal.what} | ${workload} | ${m.figure} | ${goal.goal} | ${m.pass ? "pass" : "**fail**"} |${cols(anchorFigures)}` });
    }
  }
  const sep = `|---|---|--:|---|---|${anchors.map(() => "--:|").join("")}`;
  return { table: [head, sep, ...rows.map((r) => r.line)].join("\n"), rows };
}
