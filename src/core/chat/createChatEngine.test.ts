import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator } from "../../testing/index";
import { createSaaSLLMClient } from "../createSaaSLLMClient";
import type { ChatStreamStatus } from "./chatTypes";
import { createChatEngine } from "./createChatEngine";
import type { ChatEngineOptions } from "./chatTypes";

// The engine needs no React.
vi.mock("react", () => ({}));

const REPLY = "Hello there, this is the answer.";
let sim: Simulator;
/** Query strings of list requests (the simulator's log keeps paths only). */
let listQueries: string[] = [];
beforeEach(() => {
  listQueries = [];
  vi.useFakeTimers();
  sim = createSimulator({ preset: "upstream", seed: 4, replyText: REPLY });
});
afterEach(() => vi.useRealTimers());

function setUp(options: Partial<ChatEngineOptions> = {}) {
  const client = createSaaSLLMClient({ baseUrl: "http://sim.test", teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, retry: { delay: () => 1 }, fetch: (input, init) => {
    const request = new Request(input, init);
    if (request.url.includes("/jobs?")) listQueries.push(request.url.split("?")[1]!);
    return sim.fetch(request);
  } });
  const live: ChatEngineOptions = { model: "chat-fast", ...options };
  const engine = createChatEngine(() => client, () => live);
  const statuses: ChatStreamStatus[] = [];
  engine.subscribe((next, prev) => void (next.status !== prev.status && statuses.push(next.status)));
  return { engine, statuses, live, client };
}

/** Runs the answer, then a long quiet while on the fake clock: any late request would show up in the log. */
async function answer(promise: Promise<void>): Promise<void> {
  await vi.advanceTimersByTimeAsync(100);
  await promise;
  await vi.advanceTimersByTimeAsync(10_000);
}

const endpoints = () => sim.requests.map((r) => `${r.method} ${r.endpoint}`);
/** The lookup of one call's jobs: the first page, newest first, any status (completed ones say what was charged). */
const NARROW = "limit=10&offset=0";

describe("chat engine: requests per single-shot answer (simulator request log)", () => {
  it.each(["chat-fast", "chat-claude", "chat-gemini"])("a clean answer read to EOF costs exactly 1 request (%s)", async (model) => {
    const { engine, statuses } = setUp({ model });
    await answer(engine.send("Hi"));
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY });
    // The server accepted the call and generated; the whole answer arrived before a frame passed: no text publish.
    expect(statuses).toEqual(["connecting", "generating", "done"]);
    expect(endpoints()).toEqual(["POST streamCreateAndCall"]);
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual(["COMPLETED"]);
  });

  it("an answer cut after [DONE] costs 1 more: one narrow lookup, and the job the server closed is left alone", async () => {
    sim.script.next("streamCreateAndCall", { stream: { cutAfterBytes: 1_000_000, reset: true } });
    const { engine } = setUp();
    await answer(engine.send("Hi"));
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY });
    expect(endpoints()).toEqual(["POST streamCreateAndCall", "GET listTeamJobs"]);
    expect(listQueries).toEqual([NARROW]);
    const [job] = sim.ledger.jobs();
    expect(job?.status).toBe("COMPLETED");
    expect(sim.ledger.charges(job!.jobId)).toBe(1);
  });

  it("an answer stopped mid-stream on the shipped server: no close is sent, the server completes and charges it, and the chat says so", async () => {
    // `live`: stopping after the first token needs token-by-token delivery (the buffered `upstream` preset
    // delivers the whole answer at once, after the server closed the job).
    sim = createSimulator({ preset: "live", seed: 4, replyText: REPLY, tokenDelayMs: 50 });
    const { engine, live } = setUp();
    live.onToken = () => engine.stop();
    await answer(engine.send("Hi"));
    expect(engine.getState()).toMatchObject({ status: "stopped", outcome: { status: "charged" } });
    expect(endpoints().filter((e) => e !== "GET listTeamJobs")).toEqual(["POST streamCreateAndCall"]);
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual(["COMPLETED"]);
    expect(sim.ledger.charges()).toBe(1);
  });

  it("an answer stopped mid-stream on a server that leaves it open: watched for 30 s, then one complete closes it, not charged", async () => {
    sim = createSimulator({ preset: "live", seed: 4, replyText: REPLY, tokenDelayMs: 5, abortedStreamJob: "open" });
    const { engine, live } = setUp();
    live.onToken = () => engine.stop();
    await answer(engine.send("Hi"));
    expect(engine.getState().outcome).toEqual({ status: "checking" });
    expect(sim.requestsTo("completeJob")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(engine.getState()).toMatchObject({ status: "stopped", outcome: { status: "not_charged", closedByClient: true } });
    expect(sim.requestsTo("completeJob")).toHaveLength(1);
    expect(sim.requestsTo("listTeamJobs").length).toBeLessThanOrEqual(10);
    expect(sim.ledger.openJobs()).toEqual([]);
    expect(sim.ledger.charges()).toBe(0);
  });

  it.each([
    ["an empty prompt", ""],
    ["a whitespace-only prompt", "  \n\t "],
    ["null", null],
    ["undefined", undefined],
    ["an object", {}],
    ["an empty message list", []],
    ["a message without content", [{ role: "user" }]],
  ])("%s is refused locally: bad_request, 0 requests, send() does not throw", async (_, input) => {
    const { engine } = setUp();
    const onError = vi.fn();
    const { engine: withCallback, live } = setUp();
    live.onError = onError;
    await answer(engine.send(input as string));
    await answer(withCallback.send(input as string));
    expect(engine.getState().status).toBe("error");
    expect(engine.getState().error?.kind).toBe("bad_request");
    expect(onError).toHaveBeenCalledOnce();
    expect(sim.requests).toEqual([]);
  });
});

describe("chat engine: states and jobs", () => {
  it("a failing first request goes connecting → error and never publishes streaming", async () => {
    sim.team().pause();
    const { engine, statuses } = setUp();
    await answer(engine.send("Hi"));
    expect(statuses).toEqual(["connecting", "error"]);
    expect(engine.getState().error?.kind).toBe("team_paused");
    expect(endpoints()).toEqual(["POST streamCreateAndCall"]);
  });

  it("a stream error after headers: connecting → generating → error, no streaming, and the job the server failed is not looked up", async () => {
    sim.script.next("streamCreateAndCall", { stream: { errorEvent: "500: No provider credentials configured for openai." } });
    const { engine, statuses } = setUp({ retry: false });
    await answer(engine.send("Hi"));
    expect(statuses).toEqual(["connecting", "generating", "error"]);
    expect(endpoints()).toEqual(["POST streamCreateAndCall"]);
  });

  it("reset mid-stream leaves no job open and no state behind", async () => {
    sim = createSimulator({ preset: "upstream", seed: 4, replyText: REPLY, tokenDelayMs: 5 });
    const { engine, live } = setUp();
    live.onToken = () => engine.reset();
    await answer(engine.send("Hi"));
    expect(engine.getState()).toMatchObject({ status: "idle", text: "", messages: [] });
    expect(sim.ledger.jobs()).toHaveLength(1);
    expect(sim.ledger.openJobs()).toEqual([]);
  });

  it("dispose mid-stream closes the job and refuses later sends", async () => {
    sim = createSimulator({ preset: "upstream", seed: 4, replyText: REPLY, tokenDelayMs: 5 });
    const { engine, live } = setUp();
    live.onToken = () => engine.dispose();
    await answer(engine.send("Hi"));
    await answer(engine.send("Again"));
    expect(engine.getState().status).toBe("stopped");
    expect(sim.requestsTo("streamCreateAndCall")).toHaveLength(1);
    expect(sim.ledger.openJobs()).toEqual([]);
  });

  it("dispose mid-answer in a job given by id closes that job as stopped by the client", async () => {
    // The documented server streams in a job (the upstream's E4 always ends in an error event).
    sim = createSimulator({ preset: "documented", seed: 4, replyText: REPLY, tokenDelayMs: 5 });
    const { engine, live, client } = setUp();
    const { job_id } = await client.createJob({ job_type: "chat" });
    live.job = job_id;
    live.onToken = () => engine.dispose();
    await answer(engine.send("Hi"));
    expect(sim.requestsTo("completeJob")).toHaveLength(1);
    expect(sim.ledger.jobs().find((job) => job.jobId === job_id)).toMatchObject({ status: "FAILED", errorMessage: "Stopped by the client" });
  });

  it("a retried answer closes the attempt it abandoned, once, and keeps the answer's job", async () => {
    sim.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 0 } });
    const { engine } = setUp();
    await answer(engine.send("Hi"));
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY });
    expect(sim.ledger.jobs().map((j) => j.status).sort()).toEqual(["COMPLETED", "FAILED"]);
    expect(sim.requestsTo("completeJob")).toHaveLength(1);
  });

  it("a newer send stops the running answer (its job closed) and wins", async () => {
    sim = createSimulator({ preset: "upstream", seed: 4, replyText: REPLY, tokenDelayMs: 5 });
    const { engine, live } = setUp();
    let sent = false;
    live.onToken = () => void (!sent && ((sent = true), engine.send("Second")));
    await answer(engine.send("First"));
    await answer(Promise.resolve());
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY });
    expect(engine.getState().messages.map((m) => m.content)).toEqual(["First", "Second", REPLY]);
    expect(sim.ledger.openJobs()).toEqual([]);
  });
});
