import { describe, expect, test } from "vitest";
import { renderGoals } from "../../bench/goals";
import { CONTENDERS, type Scenario } from "../../bench/scenarios";
import type { Cell } from "../../bench/table";

const contender = (id: string) => CONTENDERS.find((c) => c.id === id) as (typeof CONTENDERS)[number];
const run = (cpuMs: number, extra: Partial<{ wallMs: number; commits: number; frames: number; heapMB: number }> = {}) => ({
  ok: true,
  cpuMs,
  wallMs: extra.wallMs ?? 100,
  requestMs: 5,
  commits: extra.commits ?? 3,
  frames: extra.frames ?? 0,
  peakHeapDeltaBytes: (extra.heapMB ?? 10) * 2 ** 20,
  textLength: 1,
});
const scenario = (delivery: Scenario["delivery"], n: number): Scenario => ({ delivery, n, runs: 3, timeoutMs: 1 });
const cell = (id: string, s: Scenario, runs: Cell["runs"]): Cell => ({ scenario: s, contender: contender(id), runs });
const rowsOf = (cells: Cell[]) => renderGoals(cells).rows.map((r) => r.line);

describe("goal table", () => {
  test("a CPU ratio of medians at the limit passes, just above fails", () => {
    const one1k = scenario("one", 1_000);
    const one10k = scenario("one", 10_000);
    const lines = rowsOf([
      cell("floor", one1k, [run(90), run(100), run(400)]),
      cell("ours", one1k, [run(125), run(10), run(900)]),
      cell("floor", one10k, [run(100)]),
      cell("ours", one10k, [run(126)]),
    ]);
    expect(lines.find((l) => l.startsWith("| CPU × floor | one write, 1,000 |"))).toContain("| 1.25× | ≤ 1.25× | pass |");
    expect(lines.find((l) => l.startsWith("| CPU × floor | one write, 10,000 |"))).toContain("| 1.26× | ≤ 1.25× | **fail** |");
  });

  test("paced commits may exceed the frames elapsed by 2, not 3", () => {
    const paced = scenario("paced", 1_000);
    const withCommits = (commits: number) =>
      rowsOf([cell("floor", paced, [run(100, { frames: 60 })]), cell("ours", paced, [run(100, { commits, frames: 60 })])]).find((l) => l.startsWith("| commits"));
    expect(withCommits(62)).toContain("62 in 60 frames | ≤ frames + 2 | pass |");
    expect(withCommits(63)).toContain("**fail**");
  });

  test("wall time is checked at every N against the floor plus one 60 Hz frame", () => {
    const lines = rowsOf([
      cell("floor", scenario("one", 1_000), [run(1, { wallMs: 100 })]),
      cell("ours", scenario("one", 1_000), [run(1, { wallMs: 116 })]),
      cell("floor", scenario("one", 100_000), [run(1, { wallMs: 100 })]),
      cell("ours", scenario("one", 100_000), [run(1, { wallMs: 117 })]),
    ]).filter((l) => l.startsWith("| wall"));
    expect(lines).toEqual([expect.stringContaining("| one write, 1,000 | 116 (floor 100; request at 5 vs 5) | ≤ floor + 16.7 | pass |"), expect.stringContaining("| one write, 100,000 | 117 (floor 100; request at 5 vs 5) | ≤ floor + 16.7 | **fail** |")]);
  });

  test("anchors get a column with their own figure; a failed ours run fails its goal", () => {
    const s = scenario("one", 100_000);
    const { table, rows } = renderGoals([
      cell("floor", s, [run(100, { heapMB: 10 })]),
      cell("ours", s, [{ ok: false, error: "wrong text" }]),
      cell("naive", s, [run(150, { heapMB: 20 })]),
    ]);
    expect(table.split("\n")[0]).toBe("| Goal | Workload | ours | Goal | Pass | naive useState per chunk |");
    expect(rows.map((r) => r.line)).toContain("| peak heap Δ × floor | one write, 100,000 | FAIL: wrong text | ≤ 1.1× | **fail** | 2.00× |");
    expect(rows.every((r) => !r.pass)).toBe(true);
  });
});
