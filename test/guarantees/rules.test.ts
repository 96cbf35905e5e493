/** The three rules on made-up observations: each one fires when it should, and only then. */
import { describe, expect, it } from "vitest";
import { CELLS } from "./cells";
import type { Observation } from "./observe";
import { boundMs, violations } from "./rules";

const cell = CELLS.find((c) => c.id === "stream/ok")!;
const kept: Observation = {
  cell: cell.id,
  requests: { streamCreateAndCall: 1 },
  jobs: ["COMPLETED charged 1"],
  charges: 1,
  openSingleShot: 0,
  status: "done",
  shown: "Answer: …",
  claim: "charged",
  waitingMs: 1000,
  intents: 1,
  sentAgain: false,
};
const check = (change: Partial<Observation>) => violations(cell, { ...kept, ...change });

describe("guarantee rules", () => {
  it("a cell that keeps them breaks none", () => expect(check({})).toEqual([]));

  it("charged-once: a second credit, or a single-shot job left open beside a charge, for one send; sendAgain allows it", () => {
    expect(check({ charges: 2 })).toEqual(["charged-once"]);
    expect(check({ openSingleShot: 1 })).toEqual(["charged-once"]);
    expect(check({ charges: 2, sentAgain: true })).toEqual([]);
    expect(check({ charges: 2, intents: 2 })).toEqual([]);
  });

  it("ui-matches-ledger: `charged` with no credit, `not charged` or `with the job` with a credit or an open single-shot job", () => {
    expect(check({ charges: 0 })).toEqual(["ui-matches-ledger"]);
    expect(check({ claim: "not charged" })).toEqual(["ui-matches-ledger"]);
    expect(check({ claim: "with the job" })).toEqual(["ui-matches-ledger"]);
    expect(check({ claim: "not charged", charges: 0, openSingleShot: 1 })).toEqual(["ui-matches-ledger"]);
    expect(check({ claim: "may be charged" })).toEqual([]);
    expect(check({ claim: "silent", charges: 0 })).toEqual([]);
  });

  it("bounded-wait: a screen that never leaves its waiting state, or leaves it after its bound", () => {
    expect(check({ waitingMs: null })).toEqual(["bounded-wait"]);
    expect(check({ waitingMs: boundMs(cell) + 1 })).toEqual(["bounded-wait"]);
    expect(check({ waitingMs: boundMs(cell) })).toEqual([]);
  });
});
