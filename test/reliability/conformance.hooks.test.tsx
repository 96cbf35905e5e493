// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, waitFor } from "@testing-library/react";
import { useEffect, useRef, type ReactNode } from "react";
import { afterAll, describe, expect, it } from "vitest";
import { SaaSLLMProvider, toErrorState, useChatStream, useJob, useLLMCall, type EndpointName, type SaaSLLMClient, type SaaSLLMError } from "../../src/index";
import type { Simulator } from "../../src/testing/index";
import { ROWS, expectedRequests, type Row } from "./matrix";
import { directClient, findSecrets, makeSimulator, recordFigures } from "./kit";

// Every status × each hook entry point. All cases of a hook render at once, each with its own
// simulator, client and QueryClient, so the real 1 s/2 s/4 s waits overlap instead of adding up.
type Outcome = SaaSLLMError | null | "pending";
interface Case {
  row: Row;
  sim: Simulator;
  client: SaaSLLMClient;
  jobId: string;
  outcome: Outcome;
  hook: HookCase;
}
type Done = (error: SaaSLLMError | null) => void;
interface HookCase {
  name: string;
  endpoint: EndpointName;
  /** Script the fault before rendering (false: the component scripts it itself, after setup). */
  scriptFirst: boolean;
  Component: (p: { c: Case; done: Done }) => ReactNode;
}

/** Runs `fn` once after mount (the tree is not in StrictMode). */
function useOnMount(fn: () => void) {
  const ref = useRef(fn);
  useEffect(() => ref.current(), []);
}

function LLMCallCase({ c, done, inJob }: { c: Case; done: Done; inJob: boolean }) {
  const call = useLLMCall({ model: "chat-fast", ...(inJob ? { job: c.jobId } : {}) });
  useOnMount(() => void call.call("hello").then(() => done(null), done));
  return null;
}
function JobStartCase({ done }: { c: Case; done: Done }) {
  const job = useJob({ pollIntervalMs: false, keepOpenOnUnmount: true });
  useOnMount(() => void job.start().then(() => done(null), done));
  return null;
}
function JobCompleteCase({ c, done }: { c: Case; done: Done }) {
  const job = useJob({ pollIntervalMs: false, keepOpenOnUnmount: true });
  useOnMount(() => {
    void job.start().then(() => {
      c.sim.clearRequests();
      c.sim.script.next("completeJob", c.row.fault, { times: 8 });
      return job.complete().then(() => done(null), done);
    }, done);
  });
  return null;
}
function ChatCase({ c, done, inJob }: { c: Case; done: Done; inJob: boolean }) {
  const chat = useChatStream({ model: "chat-fast", ...(inJob ? { job: c.jobId } : {}), onFinish: (i) => done(i.error) });
  useOnMount(() => chat.send("hello"));
  return null;
}

const HOOKS: HookCase[] = [
  { name: "useLLMCall (create-and-call)", endpoint: "createAndCall", scriptFirst: true, Component: (p) => <LLMCallCase {...p} inJob={false} /> },
  { name: "useLLMCall (in job)", endpoint: "llmCall", scriptFirst: true, Component: (p) => <LLMCallCase {...p} inJob /> },
  { name: "useJob.start", endpoint: "createJob", scriptFirst: true, Component: (p) => <JobStartCase {...p} /> },
  { name: "useJob.complete", endpoint: "completeJob", scriptFirst: false, Component: (p) => <JobCompleteCase {...p} /> },
  { name: "useChatStream (single-shot)", endpoint: "streamCreateAndCall", scriptFirst: true, Component: (p) => <ChatCase {...p} inJob={false} /> },
  { name: "useChatStream (in job)", endpoint: "streamLLMCall", scriptFirst: true, Component: (p) => <ChatCase {...p} inJob /> },
];

const table: string[] = [];
const mismatches: string[] = [];
let cases = 0;

function Isolated({ client, children }: { client: SaaSLLMClient; children: ReactNode }) {
  // One QueryClient per case: react-query's own retry of mutations is off by default in QueryClient,
  // so the hook's `retry` option (the package policy) is what decides.
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={qc}>
      <SaaSLLMProvider client={client}>{children}</SaaSLLMProvider>
    </QueryClientProvider>
  );
}

function check(c: Case): string[] {
  cases++;
  const { hook, row } = c;
  const e = c.outcome;
  if (!e || e === "pending") return [`${row.id}: no error`];
  const requests = c.sim.requestsTo(hook.endpoint);
  const state = toErrorState(e).state;
  const problems: string[] = [];
  if (e.kind !== row.kind) problems.push(`kind ${e.kind}≠${row.kind}`);
  if (state !== row.state) problems.push(`state ${state}≠${row.state}`);
  if (requests.length !== expectedRequests(row, hook.endpoint)) problems.push(`requests ${requests.length}≠${expectedRequests(row, hook.endpoint)}`);
  // Wall-clock gaps between attempts: at least the policy's lower bound (75% of 1 s, 2 s, 4 s, or Retry-After).
  if (row.retry !== "none" && hook.endpoint !== "completeJob") {
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i]!.at);
    const min = (i: number) => (typeof row.retry === "number" ? row.retry : 1000 * 2 ** i * 0.75) - 20;
    if (gaps.some((g, i) => g < min(i))) problems.push(`waits [${gaps}]`);
  }
  const leaked = findSecrets(`${e.message} ${e.detail} ${JSON.stringify(e)}`);
  if (leaked.length) problems.push(`leaks ${leaked}`);
  return problems.length ? [`${row.id}: ${problems.join(", ")}`] : [];
}

describe("conformance matrix: hooks", () => {
  it("every hook entry point × every status", async () => {
    const all: Case[] = [];
    for (const hook of HOOKS) {
      for (const row of ROWS) {
        const sim = makeSimulator();
        const client = directClient(sim);
        const { job_id } = await client.createJob({ job_type: "setup" });
        sim.clearRequests();
        if (hook.scriptFirst) sim.script.next(hook.endpoint, row.fault, { times: 8 });
        all.push({ row, sim, client, jobId: job_id, outcome: "pending", hook });
      }
    }
    const { unmount } = render(
      <>
        {all.map((c) => (
          <Isolated key={`${c.hook.name} ${c.row.id}`} client={c.client}>
            <c.hook.Component c={c} done={(e) => c.outcome === "pending" && (c.outcome = e)} />
          </Isolated>
        ))}
      </>,
    );
    await waitFor(() => expect(all.filter((c) => c.outcome === "pending").map((c) => `${c.hook.name} ${c.row.id}`)).toEqual([]), { timeout: 25_000, interval: 50 });
    unmount();
    for (const hook of HOOKS) {
      const failed = all.filter((c) => c.hook === hook).flatMap((c) => check(c));
      table.push(`| ${hook.name} | ${hook.endpoint} | ${ROWS.length - failed.length}/${ROWS.length} |`);
      mismatches.push(...failed.map((f) => `${hook.name} ${f}`));
    }
    expect(mismatches).toEqual([]);
  }, 40_000);

  afterAll(() => {
    console.info(["| Hook | Endpoint | Statuses OK |", "|---|---|---|", ...table].join("\n"));
    if (mismatches.length) console.info(`Mismatches:\n${mismatches.join("\n")}`);
    recordFigures("2-conformance-hooks", { section: "Conformance matrix, 6 hook entry points", cases, failures: mismatches.length });
  });
});
