// @vitest-environment jsdom
import { render, waitFor } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useEffect, useRef, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SaaSLLMProvider, useChatStream, useJob, useLLMCall, type ChatStreamFinishInfo, type SaaSLLMClient } from "../../src/index";
import type { Fault, Simulator } from "../../src/testing/index";
import { startSimulatorServer, type SimulatorServer } from "../../src/testing/node";
import { LEAKY_DETAILS, findSecrets, makeSimulator, prng, recordFigures, socketClient } from "./kit";

// Hundreds of jobs through the hooks with random faults, over real sockets, several React roots at once.
// Faults hit the calls (create, llm-call, streams), never the package's own bookkeeping (complete, get,
// list): the invariants are about what the package does with a failed call, not about a failing cleanup.
//
// Deterministic for a seed: each scenario has its own simulator and client (one loopback server routes by
// a header), so a scripted fault can only hit its own scenario's request, whatever order 40 concurrent
// scenarios reach the server in; stops and unmounts happen at protocol points (after k tokens, right after
// a job was asked for), never after a wall-clock delay; and nothing random is drawn during render.
const SEED = Number(process.env.RELIABILITY_SEED ?? 8);
const SCENARIOS = Number(process.env.RELIABILITY_SOAK ? 3000 : 600);
const CONCURRENCY = 40;
const rnd = prng(SEED);
// Upstream bookkeeping (a second complete flips the charge), with a working E4 so in-job streams run.
// `live`: the upstream server with token-by-token delivery, which these stops and unmounts mid-stream assume (on the
// buffered `upstream` preset nothing streams before the end, so a stop after k tokens cannot happen).
const newSimulator = () => makeSimulator({ preset: "live", brokenLlmCallStream: false, replyText: "Chaos: café 日本語 🚀 👩‍💻 🇫🇷 and a few more words to stream." });
const sims: Simulator[] = [];
const SCENARIO_HEADER = "x-chaos-scenario";
// Only `fetch` of a simulator is used by the server: route each request to its scenario's simulator.
const router = { fetch: (request: Request) => sims[Number(request.headers.get(SCENARIO_HEADER))]!.fetch(request) } as Pick<Simulator, "fetch"> as Simulator;
let server: SimulatorServer;
const leaks: string[] = [];
const scan = (where: string, value: unknown) => {
  const found = findSecrets(typeof value === "string" ? value : JSON.stringify(value) + String(value));
  if (found.length) leaks.push(`${where}: ${found.join(", ")}`);
};
beforeAll(async () => void (server = await startSimulatorServer(router)));
afterAll(() => server.close());

const STATUS_FAULTS: Fault[] = [
  { status: 401, detail: "Invalid API key" },
  { status: 403, detail: "Team access is paused. Please contact support." },
  { status: 429, detail: "slow down" },
  { status: 500, detail: LEAKY_DETAILS[0] },
  { status: 500, detail: LEAKY_DETAILS[2] },
  { status: 502, body: "<html><title>Bad Gateway</title></html>", contentType: "text/html" },
  { status: 503, detail: "busy" },
];
const streamFault = (): Fault | null => {
  const k = rnd.int(0, 8);
  return rnd.pick<Fault | null>([
    null,
    { stream: { cutAfterChunks: k } },
    { stream: { cutAfterBytes: rnd.int(0, 2500), splitBytes: rnd.int(1, 40) } },
    { stream: { cutAfterChunks: k, reset: true } },
    { stream: { errorEvent: rnd.pick(LEAKY_DETAILS), errorAfterChunks: k } },
    { stream: { tokenDelayMs: rnd.int(2, 15) } },
    rnd.pick(STATUS_FAULTS),
  ]);
};
const callFault = (): Fault | null => (rnd.next() < 0.4 ? rnd.pick(STATUS_FAULTS) : null);

type Kind = "job+llmCall" | "job+stream" | "single-shot stream" | "create-and-call";
interface Scenario {
  index: number;
  sim: Simulator;
  kind: Kind;
  model: string;
  strict: boolean;
  /** Where the owner goes away: never, after this many tokens (streams), or right after the job was asked for. */
  unmountAt: { tokens: number } | "after-start" | null;
  /** Stop after this many tokens. */
  stopAfterTokens: number | null;
  maxRetries: number;
  fault: Fault | null;
  createFault: Fault | null;
  started: boolean;
  /** Last step reached, for the report when a scenario hangs. */
  step: string;
  ended: boolean;
  finish: () => void;
  unmount: () => void;
}

/** Runs `fn` once per scenario, also under StrictMode's double effects (the scenario flag, not a ref, guards it). */
function useScript(s: Scenario, fn: () => Promise<void>) {
  const ref = useRef(fn);
  useEffect(() => {
    if (s.started) return;
    s.started = true;
    // Late-bound: the driver sets finish/unmount after render() returned.
    void ref.current().finally(() => s.finish());
  }, [s]);
}

const script = (s: Scenario, endpoint: Parameters<Simulator["script"]["next"]>[0], fault: Fault | null) => fault && s.sim.script.next(endpoint, fault);
/** Counts tokens and stops or unmounts at the scenario's token count (synchronously, as the token is parsed). */
const tokenPoints = (s: Scenario, stop: () => void) => {
  let tokens = 0;
  return () => {
    tokens++;
    if (tokens === s.stopAfterTokens) stop();
    if (typeof s.unmountAt === "object" && s.unmountAt !== null && tokens === s.unmountAt.tokens) s.unmount();
  };
};
const onStreamEnd = () => {
  let resolve!: (i: ChatStreamFinishInfo) => void;
  const promise = new Promise<ChatStreamFinishInfo>((r) => (resolve = r));
  return { promise, resolve };
};

const described = (s: Scenario) => `#${s.index} ${s.kind} step=${s.step} fault=${JSON.stringify(s.fault)} create=${JSON.stringify(s.createFault)} strict=${s.strict} unmount=${JSON.stringify(s.unmountAt)} stop=${s.stopAfterTokens} retries=${s.maxRetries}`;

function JobCall({ s }: { s: Scenario }) {
  const job = useJob({ pollIntervalMs: false, metadata: { scenario: s.index } });
  const llm = useLLMCall({ model: "chat-fast", job, maxRetries: s.maxRetries, onError: (e) => scan("useLLMCall error", e) });
  useScript(s, async () => {
    script(s, "createJob", s.createFault);
    const started = job.start();
    if (s.unmountAt === "after-start") s.unmount();
    if (!(await started.then(() => true, () => false))) return;
    script(s, "llmCall", s.fault);
    await llm.call("hello").catch(() => undefined);
    await job.complete().catch(() => undefined);
  });
  return null;
}

function JobStream({ s }: { s: Scenario }) {
  const job = useJob({ pollIntervalMs: false, metadata: { scenario: s.index } });
  const ended = useRef(onStreamEnd()).current;
  const stop = useRef(() => undefined as void);
  const onToken = useRef(tokenPoints(s, () => stop.current())).current;
  const chat = useChatStream({ model: "chat-claude", job, onToken, onFinish: ended.resolve, onError: (e) => scan("useChatStream error", e) });
  stop.current = chat.stop;
  useScript(s, async () => {
    script(s, "createJob", s.createFault);
    const started = job.start();
    if (s.unmountAt === "after-start") s.unmount();
    if (!(await started.then(() => true, () => false))) return;
    script(s, "streamLLMCall", s.fault);
    chat.send("hello");
    s.step = "streaming";
    await ended.promise;
    s.step = "completing";
    await job.complete().catch(() => undefined);
  });
  return <p>{chat.text}</p>;
}

function SingleShotStream({ s }: { s: Scenario }) {
  const ended = useRef(onStreamEnd()).current;
  const stop = useRef(() => undefined as void);
  const onToken = useRef(tokenPoints(s, () => stop.current())).current;
  const chat = useChatStream({ model: s.model, onToken, onFinish: ended.resolve, onError: (e) => scan("useChatStream error", e) });
  stop.current = chat.stop;
  useScript(s, async () => {
    script(s, "streamCreateAndCall", s.fault);
    chat.send("hello");
    s.step = "streaming";
    await ended.promise;
  });
  return <p>{chat.text}</p>;
}

function CreateAndCall({ s }: { s: Scenario }) {
  const llm = useLLMCall({ model: "chat-fast", maxRetries: s.maxRetries });
  useScript(s, async () => {
    script(s, "createAndCall", s.fault);
    await llm.call("hello").catch(() => undefined);
  });
  return null;
}

const COMPONENTS: Record<Kind, (p: { s: Scenario }) => ReactNode> = { "job+llmCall": JobCall, "job+stream": JobStream, "single-shot stream": SingleShotStream, "create-and-call": CreateAndCall };
const scenarios: Scenario[] = [];

function makeScenario(): Scenario {
  const kind = rnd.pick<Kind>(["job+llmCall", "job+stream", "job+stream", "single-shot stream", "single-shot stream", "create-and-call"]);
  const streaming = kind.includes("stream");
  const unmount = rnd.next() < 0.2;
  const unmountAt: Scenario["unmountAt"] = !unmount ? null : streaming && (kind === "single-shot stream" || rnd.next() < 0.5) ? { tokens: rnd.int(1, 8) } : kind.startsWith("job") ? "after-start" : null;
  const index = scenarios.length;
  const sim = newSimulator();
  sims[index] = sim;
  return {
    index,
    sim,
    kind,
    model: rnd.pick(["chat-fast", "chat-gemini"]),
    strict: rnd.next() < 0.3,
    unmountAt,
    stopAfterTokens: streaming && rnd.next() < 0.2 ? rnd.int(1, 8) : null,
    maxRetries: rnd.pick([0, 0, 1]),
    fault: streaming ? streamFault() : callFault(),
    createFault: kind.startsWith("job") && rnd.next() < 0.08 ? rnd.pick(STATUS_FAULTS) : null,
    started: false,
    step: "render",
    ended: false,
    finish: () => undefined,
    unmount: () => undefined,
  };
}

function Root({ client, strict, children }: { client: SaaSLLMClient; strict: boolean; children: ReactNode }) {
  const qc = useRef(new QueryClient()).current;
  const tree = (
    <QueryClientProvider client={qc}>
      <SaaSLLMProvider client={client}>{children}</SaaSLLMProvider>
    </QueryClientProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

/** One client per scenario, tagging its requests for the router. */
const clientFor = (s: Scenario) =>
  socketClient(server.url, {
    retry: { delay: () => 5 },
    onEvent: (e) => scan(`onEvent ${e.type}`, e),
    fetch: (input, init) => {
      const request = new Request(input, init);
      request.headers.set(SCENARIO_HEADER, String(s.index));
      return fetch(request);
    },
  });

const figures = { scenarios: 0, byKind: {} as Record<string, number>, strict: 0, unmounts: 0, stops: 0 };

/** Renders one scenario in its own React root; resolves once it finished or unmounted. */
function runScenario(s: Scenario): Promise<void> {
  figures.scenarios++;
  figures.byKind[s.kind] = (figures.byKind[s.kind] ?? 0) + 1;
  if (s.strict) figures.strict++;
  if (s.unmountAt !== null) figures.unmounts++;
  if (s.stopAfterTokens !== null) figures.stops++;
  const Component = COMPONENTS[s.kind];
  const view = render(
    <Root client={clientFor(s)} strict={s.strict}>
      <Component s={s} />
    </Root>,
  );
  let unmounted = false;
  return new Promise<void>((resolve) => {
    const end = () => {
      s.ended = true;
      if (!unmounted) {
        unmounted = true;
        view.unmount();
      }
      resolve();
    };
    s.finish = end;
    s.unmount = end;
  });
}

const allJobs = () => scenarios.flatMap((s) => s.sim.ledger.jobs().map((job) => ({ s, job })));
const openJobs = () => scenarios.flatMap((s) => s.sim.ledger.openJobs().map((job) => ({ s, job })));

describe(`chaos: ${SCENARIOS} scenarios through the hooks over HTTP (seed ${SEED})`, () => {
  it("leaves no job open, completes none twice, charges each completed job exactly once", async () => {
    for (let done = 0; done < SCENARIOS; done += CONCURRENCY) {
      const batch = Array.from({ length: Math.min(CONCURRENCY, SCENARIOS - done) }, () => {
        const s = makeScenario();
        scenarios.push(s);
        return s;
      });
      const settled = batch.map(runScenario);
      await waitFor(() => expect(batch.filter((s) => !s.ended).map(described)).toEqual([]), { timeout: 20_000 });
      await Promise.all(settled);
    }
    // Abandoned jobs and jobs a single-shot answer left open are closed asynchronously after unmount or a cut,
    // once the client's watch (up to 30 s: the server may still finish them) is over.
    await waitFor(() => expect(openJobs().map(({ job }) => job.jobId)).toEqual([]), { timeout: 45_000, interval: 250 }).catch(() => undefined);
    const open = openJobs().map(
      ({ s, job: j }) =>
        `${j.jobId} ${j.status} by ${j.createdBy} calls=${j.calls.length} requests=${s.sim.requests.map((r) => r.endpoint).join(",")} ${described(s)} metadata=${JSON.stringify(j.metadata)}`,
    );
    const twice = scenarios.flatMap((s) => {
      const completes = new Map<string, number>();
      for (const r of s.sim.requestsTo("completeJob")) completes.set(r.path.split("/")[3]!, (completes.get(r.path.split("/")[3]!) ?? 0) + 1);
      return [...completes].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n} ${described(s)}`);
    });
    const jobs = allJobs();
    const badCharges = jobs
      .filter(({ s, job: j }) => (j.status === "COMPLETED" ? s.sim.ledger.charges(j.jobId) !== 1 : s.sim.ledger.charges(j.jobId) !== 0))
      .map(({ s, job: j }) => `${j.jobId} ${j.status} charged ${s.sim.ledger.charges(j.jobId)} ${described(s)}`);
    const completed = jobs.filter(({ job }) => job.status === "COMPLETED").length;
    const requests = scenarios.reduce((n, s) => n + s.sim.requests.length, 0);
    console.info(
      `[chaos] seed=${SEED} scenarios=${figures.scenarios} ${JSON.stringify(figures.byKind)} strict=${figures.strict} unmounts=${figures.unmounts} stops=${figures.stops} ` +
        `jobs=${jobs.length} completed=${completed} failed=${jobs.length - completed - open.length} open=${open.length} completedTwice=${twice.length} badCharges=${badCharges.length} secretLeaks=${leaks.length} requests=${requests}`,
    );
    recordFigures("5-chaos", {
      section: "Chaos through the hooks over HTTP",
      cases: figures.scenarios,
      failures: open.length + twice.length + badCharges.length + leaks.length,
      jobs: jobs.length,
      leaks: open.length,
      notes: [
        `seed ${SEED}; ${jobs.length} jobs: ${completed} completed (charged once each), ${jobs.length - completed - open.length} failed (charged 0), ${open.length} left open, ${twice.length} completed twice, ${leaks.length} secret leaks`,
      ],
    });
    expect(jobs.length).toBeGreaterThanOrEqual(500);
    expect({ open, twice, badCharges, leaks }).toEqual({ open: [], twice: [], badCharges: [], leaks: [] });
  }, 240_000);
});
