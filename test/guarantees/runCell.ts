/** Runs one cell of the matrix: a simulator behind real loopback HTTP, a page, the user's action, then what is left. */
import { onlineManager } from "@tanstack/react-query";
import { persistChat } from "../../src/index";
import { startSimulatorServer } from "../../src/testing/node";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator } from "../../src/testing/index";
import { ACTIONS, SIM_BASE, type Cell, type Step } from "./cells";
import { installClock, now, runFor, runUntil, uninstallClock } from "./clock";
import { driverFor, type Driver } from "./drivers";
import { observe, type Observation } from "./observe";
import { openPage, pageStorage, type Page } from "./page";
import { createWire } from "./wire";

/** Fake time after which a screen still waiting is recorded as never leaving its waiting state. */
const NEVER_MS = 1_200_000;
/** Fake time the server and the client's clean-up get after the screen settled, before the ledger is read. */
const TAIL_MS = 30_000;

/** A job created by the app before the user acts (in-job paths), straight on the simulator. */
async function appJob(sim: Simulator): Promise<string> {
  const init = { method: "POST", headers: { authorization: `Bearer ${DEMO_VIRTUAL_KEY}`, "content-type": "application/json" } };
  const response = await sim.fetch("http://sim.test/api/jobs/create", { ...init, body: JSON.stringify({ team_id: DEMO_TEAM_ID, job_type: "chat" }) });
  const { job_id } = (await response.json()) as { job_id: string };
  sim.clearRequests();
  return job_id;
}

interface Stage {
  cell: Cell;
  url: string;
  wire: ReturnType<typeof createWire>;
  jobId: string | null;
  storage: Map<string, string>;
}

/** Opens a page for the cell; its chat is kept in the browser's storage, which outlives the page. */
function pageFor(stage: Stage): { page: Page; driver: Driver } {
  const view = pageStorage(stage.storage);
  const persist = persistChat({ storage: view.storage, key: "guarantees", writeEveryMs: 100 });
  const driver = driverFor(stage.cell.path, stage.jobId, persist);
  const page = openPage(stage.url, stage.wire, driver.ui);
  return { page: { ...page, kill: () => (view.kill(), page.kill()) }, driver };
}

/** The scenario's steps on the fake clock; `current` follows the page on screen (a reload opens a new one). */
function act(stage: Stage, first: { page: Page; driver: Driver }) {
  const steps: Array<[number, Step]> = ACTIONS[stage.cell.scenario.action];
  const current = { ...first, sentAgain: steps.some(([, step]) => step === "sendAgain"), intents: steps.filter(([, step]) => step === "send").length };
  let sends = 0;
  const run: Record<Step, () => void> = {
    send: () => current.driver.send(++sends === 1 ? "Count to ten" : "Count to eleven"),
    stop: () => current.driver.stop(),
    continue: () => current.driver.continue(),
    sendAgain: () => current.driver.sendAgain(),
    reload: () => (current.page.kill(), Object.assign(current, pageFor(stage))),
    offline: () => onlineManager.setOnline(false),
    online: () => onlineManager.setOnline(true),
  };
  for (const [at, step] of steps) if (at === 0) run[step]();
  for (const [at, step] of steps) if (at > 0) setTimeout(run[step], at);
  return current;
}

export async function runCell(cell: Cell): Promise<Observation> {
  installClock();
  const sim = createSimulator({ ...SIM_BASE, ...cell.scenario.sim });
  const wire = createWire();
  const server = await startSimulatorServer(wire.serve(sim), { closeAfterPlainErrorMs: false });
  let current: ReturnType<typeof act> | null = null;
  try {
    const stage: Stage = { cell, url: server.url, wire, jobId: cell.path.job === "id" ? await appJob(sim) : null, storage: new Map() };
    cell.scenario.script?.(sim, cell.path);
    const started = now();
    current = act(stage, pageFor(stage));
    const notBefore = started + Math.max(...ACTIONS[cell.scenario.action].map(([at]) => at));
    if (process.env.DEBUG_CELL) console.log("before", current.driver.status(), current.driver.waiting(), now());
    const left = await runUntil(wire, () => current!.driver.waiting(), notBefore, NEVER_MS);
    if (process.env.DEBUG_CELL) console.log("after", current.driver.status(), current.driver.waiting(), now(), left);
    await runFor(wire, TAIL_MS);
    return observe(cell, sim, current.driver, current.page, { waitingMs: left === null ? null : left - started, intents: current.intents, sentAgain: current.sentAgain });
  } finally {
    current?.page.unmount();
    onlineManager.setOnline(true);
    await server.close();
    uninstallClock();
  }
}
