/** What a cell leaves behind: the server's log and ledger, and what the screen says. */
import type { Simulator } from "../../src/testing/index";
import type { Cell } from "./cells";
import type { Claim, Driver } from "./drivers";
import type { Page } from "./page";

export interface Observation {
  cell: string;
  /** Requests the server received, by endpoint (the app's own job creation is not counted). */
  requests: Record<string, number>;
  /** Every job the server holds at the end, as `STATUS` plus ` charged N` when it was charged. */
  jobs: string[];
  /** Credits the ledger deducted. */
  charges: number;
  /** Single-shot jobs still open at the end: the server may yet complete and charge them (the real one finishes a plain call the client left). */
  openSingleShot: number;
  /** The hook's final status. */
  status: string;
  /** The words on screen at the end. */
  shown: string;
  /** What the screen says about the charge. */
  claim: Claim;
  /** Fake-clock ms from the send until the screen left its waiting state for good; null when it never did. */
  waitingMs: number | null;
  /** Sends the user made (each one intent). */
  intents: number;
  /** The user chose `sendAgain` (a second charge they agreed to). */
  sentAgain: boolean;
}

function byEndpoint(sim: Simulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of sim.requests) counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** The words on screen, piece by piece: texts joined by " · ", buttons as `[label]`. */
function words(root: Element): string {
  const pieces: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLButtonElement) pieces.push(`[${node.textContent ?? ""}]`);
    else if (node.nodeType === Node.TEXT_NODE) pieces.push((node.textContent ?? "").replace(/\s+/g, " ").trim());
    else node.childNodes.forEach(walk);
  };
  walk(root);
  return pieces.filter(Boolean).join(" · ");
}

export function observe(cell: Cell, sim: Simulator, driver: Driver, page: Page, run: { waitingMs: number | null; intents: number; sentAgain: boolean }): Observation {
  const jobs = sim.ledger.jobs().map((job) => {
    const charged = sim.ledger.charges(job.jobId);
    return charged ? `${job.status} charged ${charged}` : job.status;
  });
  return {
    cell: cell.id,
    requests: byEndpoint(sim),
    jobs,
    charges: sim.ledger.charges(),
    openSingleShot: sim.ledger.openJobs().filter((job) => job.createdBy !== "createJob").length,
    status: driver.status(),
    shown: words(page.root()),
    claim: driver.claim(),
    ...run,
  };
}
