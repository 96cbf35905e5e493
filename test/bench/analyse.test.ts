import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { addProfile, emptySelfTimes } from "../../bench/profile/analyse";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0, columnNumber: 0 });

/** A .cpuprofile with samples at the given µs offsets from startTime 1000, each naming a node id. */
function profileFile(samples: [atUs: number, node: number][]): string {
  const nodes = [
    { id: 1, callFrame: frame("(idle)") },
    { id: 2, callFrame: frame("parse", "node:internal/deps/undici/undici") },
    { id: 3, callFrame: frame("render", "file:///app/node_modules/react-dom/cjs/react-dom.js") },
  ];
  const deltas = samples.map(([at], i) => at - (i === 0 ? 0 : (samples[i - 1] as [number, number])[0]));
  const path = join(mkdtempSync(join(tmpdir(), "profile-")), "run.cpuprofile");
  writeFileSync(path, JSON.stringify({ nodes, startTime: 1000, samples: samples.map(([, id]) => id), timeDeltas: deltas }));
  return path;
}

describe("cpuprofile self times", () => {
  test("a sample counts the gap to the next one, only inside the window, idle left out", () => {
    // Samples at 1010 (before the window), 1020, 1050, 1060 (idle), 1100 (last: no next gap).
    const path = profileFile([[10, 2], [20, 2], [50, 3], [60, 1], [100, 3]]);
    const t = emptySelfTimes();
    addProfile(t, path, [1015, 1100]);
    expect(Object.fromEntries(t.byFile)).toEqual({ "node:internal/deps/undici/undici": 30, "react-dom": 10 });
    expect(Object.fromEntries(t.byLayer)).toEqual({ "Node: fetch (undici), streams, timers": 30, "React (react-dom, scheduler)": 10 });
    expect(t.totalUs).toBe(40);
    expect(t.idleUs).toBe(40);
    expect([...t.byFunction.keys()]).toEqual(["parse (node:internal/deps/undici/undici:1)", "render (react-dom:1)"]);
  });

  test("profiles of several runs add up", () => {
    const t = emptySelfTimes();
    addProfile(t, profileFile([[0, 2], [5, 2]]), [0, 2000]);
    addProfile(t, profileFile([[0, 2], [7, 2]]), [0, 2000]);
    expect(t.totalUs).toBe(12);
  });
});
