import { afterAll, describe, expect, it, vi } from "vitest";
import { isSaaSLLMError, toErrorState, type ClientEvent, type EndpointName } from "../../src/index";
import { ENDPOINT_CALLS, ROWS, delaysMatch, expectedRequests, type Row } from "./matrix";
import { directClient, findSecrets, makeSimulator, recordFigures } from "./kit";

// Every status × every endpoint through the client on `simulator.fetch` under fake timers: the
// retry waits are read off the fake clock (exact), not guessed from wall time.
const ENDPOINTS = Object.keys(ENDPOINT_CALLS) as EndpointName[];
const mismatches: string[] = [];
const table: string[] = [];
let cases = 0;

async function runCase(row: Row, endpoint: EndpointName): Promise<string | null> {
  const sim = makeSimulator();
  const events: ClientEvent[] = [];
  const client = directClient(sim, { onEvent: (e) => events.push(e) });
  const { job_id } = await client.createJob({ job_type: "setup" });
  sim.clearRequests();
  events.length = 0;
  sim.script.next(endpoint, row.fault, { times: 8 });
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  try {
    let settled = false;
    const outcome = ENDPOINT_CALLS[endpoint](client, job_id).then(
      () => null,
      (e: unknown) => e,
    );
    void outcome.finally(() => (settled = true));
    for (let i = 0; i < 200 && !settled; i++) await vi.advanceTimersToNextTimerAsync();
    const error = await outcome;
    if (!isSaaSLLMError(error)) return `no SaaSLLMError (${String(error)})`;
    const problems: string[] = [];
    const state = toErrorState(error).state;
    const requests = sim.requestsTo(endpoint).length;
    const retries = events.filter((e): e is Extract<ClientEvent, { type: "retry" }> => e.type === "retry");
    // Observed wait: from the retry event to the next request on the fake clock.
    const starts = events.filter((e) => e.type === "request" && e.endpoint === endpoint);
    const observed = retries.map((r, i) => (starts[i + 1]?.at ?? NaN) - r.at);
    if (error.kind !== row.kind) problems.push(`kind ${error.kind}≠${row.kind}`);
    if (state !== row.state) problems.push(`state ${state}≠${row.state}`);
    if (requests !== expectedRequests(row, endpoint)) problems.push(`requests ${requests}≠${expectedRequests(row, endpoint)}`);
    if (!delaysMatch(row, endpoint, retries.map((r) => r.delayMs))) problems.push(`delays [${retries.map((r) => r.delayMs)}]`);
    if (observed.some((o, i) => o !== retries[i]!.delayMs)) problems.push(`observed waits [${observed}]`);
    const leaked = findSecrets(`${error.message} ${error.detail} ${String(error)} ${JSON.stringify(error)} ${JSON.stringify(events)}`);
    if (leaked.length) problems.push(`leaks ${leaked}`);
    return problems.length ? problems.join(", ") : null;
  } finally {
    vi.useRealTimers();
  }
}

describe("conformance matrix: client", () => {
  it.each(ROWS)("$id", async (row) => {
    const failed: string[] = [];
    for (const endpoint of ENDPOINTS) {
      cases++;
      const problem = await runCase(row, endpoint);
      if (problem) failed.push(`${endpoint}: ${problem}`);
    }
    const expectRequests = row.retry === "none" ? "1" : row.retry === "once" ? "2" : "4 (completeJob 2)";
    const delays = row.retry === "none" ? "–" : row.retry === "backoff" ? "1s,2s,4s ±25%" : row.retry === "once" ? "1s ±25%" : `${row.retry}ms ×3`;
    table.push(`| ${row.id} | ${row.kind} | ${row.state} | ${expectRequests} | ${delays} | ${ENDPOINTS.length - failed.length}/${ENDPOINTS.length} |`);
    mismatches.push(...failed.map((f) => `${row.id} ${f}`));
    expect(failed).toEqual([]);
  });

  afterAll(() => {
    console.info(["| Row | Kind | UI state | Requests | Delays | Endpoints OK |", "|---|---|---|---|---|---|", ...table].join("\n"));
    if (mismatches.length) console.info(`Mismatches:\n${mismatches.join("\n")}`);
    recordFigures("1-conformance-client", { section: `Conformance matrix, client × ${ENDPOINTS.length} endpoints`, cases, failures: mismatches.length });
  });
});
