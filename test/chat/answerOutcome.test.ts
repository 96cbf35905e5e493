import { describe, expect, it, vi } from "vitest";
import type { Simulator } from "../../src/testing/index";
import { persistChat } from "../../src/core/chat/persist/chatPersistence";
import { memoryStorage, page, REPLY, run, simulator, streamThenLeave, onFakeClock } from "./chatKit";

vi.mock("react", () => ({}));

let sim: Simulator;
onFakeClock();

const count = (endpoint: string) => sim.requests.filter((r) => r.endpoint === endpoint).length;
const charges = () => sim.ledger.jobs().reduce((n, job) => n + sim.ledger.charges(job.jobId), 0);

/** Page one streams until the reload; its storage stops taking writes then (the page is gone). */
async function reloadMidAnswer(end: (first: ReturnType<typeof page>) => void | Promise<void>, watchMs = 1_000) {
  const { first, reload } = await streamThenLeave(sim);
  await end(first);
  await run(10_000);
  const before = sim.requests.length;
  const second = reload();
  expect(second.engine.getState().outcome).toEqual({ status: "checking" });
  await run(watchMs);
  return { second, requests: () => sim.requests.slice(before).map((r) => `${r.method} ${r.endpoint}`) };
}

describe("outcome reconciliation after a reload mid-answer", () => {
  it("the server finished and charged it: 'charged', and a re-send needs the user's consent", async () => {
    sim = simulator();
    // The old page kept reading to the end (its JS ran on while the new page loaded): the job completed.
    const { second, requests } = await reloadMidAnswer(() => undefined);
    expect(second.engine.getState().outcome).toMatchObject({ status: "charged" });
    expect(requests()).toEqual(["GET listTeamJobs"]);
    expect(charges()).toBe(1);

    const plain = second.engine.retry();
    await run(10_000);
    await plain;
    expect(count("streamCreateAndCall")).toBe(1);
    expect(second.engine.getState().status).toBe("interrupted");

    const chosen = second.engine.retry({ chargeAgain: true });
    await run(10_000);
    await chosen;
    expect(second.engine.getState()).toMatchObject({ status: "done", text: REPLY, outcome: null });
    expect(count("streamCreateAndCall")).toBe(2);
    expect(charges()).toBe(2);
  });

  it("the job was left open (a server that keeps aborted jobs open): watched, then closed as failed, 'not charged', and a retry just sends", async () => {
    sim = simulator({ abortedStreamJob: "open" });
    // The old page was torn down mid-stream, and its cleanup never reached the server.
    const { second, requests } = await reloadMidAnswer((first) => {
      first.kill();
      first.engine.stop();
    }, 31_000);
    expect(second.engine.getState().outcome).toEqual({ status: "not_charged", jobId: expect.any(String), closedByClient: true });
    // Lookups while the server might still finish it (30 s), then one close.
    expect(requests().at(-1)).toBe("POST completeJob");
    expect(new Set(requests().slice(0, -1))).toEqual(new Set(["GET listTeamJobs"]));
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual(["FAILED"]);
    expect(charges()).toBe(0);

    const retried = second.engine.retry();
    await run(10_000);
    await retried;
    expect(second.engine.getState()).toMatchObject({ status: "done", text: REPLY });
    expect(charges()).toBe(1);
  });

  it("the server failed it: 'not charged', nothing closed", async () => {
    sim = simulator();
    sim.script.next("streamCreateAndCall", { stream: { errorEvent: "500: Failed to call provider API", errorAfterChunks: 20 } });
    const { second, requests } = await reloadMidAnswer(() => undefined);
    expect(second.engine.getState().outcome).toEqual({ status: "not_charged", jobId: expect.any(String), closedByClient: false });
    expect(requests()).toEqual(["GET listTeamJobs"]);
    expect(charges()).toBe(0);
  });

  it("the lookup failed: 'unknown', and a re-send needs consent", async () => {
    sim = simulator();
    const { reload } = await streamThenLeave(sim);
    await run(10_000);
    sim.script.next("listTeamJobs", { status: 500, body: "Internal Server Error", contentType: "text/plain" });
    const second = reload();
    await run(1_000);
    expect(second.engine.getState().outcome).toMatchObject({ status: "unknown" });
    const plain = second.engine.retry();
    await run(5_000);
    await plain;
    expect(count("streamCreateAndCall")).toBe(1);
  });
});

describe("a reload on the buffering upstream (upstream-behaviour §1: no text until the whole answer is generated)", () => {
  it("before the burst there is no partial: the prompt comes back unanswered, its job is closed, not charged, nothing re-sent", async () => {
    sim = simulator({ preset: "upstream", tokenDelayMs: 100, abortedStreamJob: "open" });
    const { first, shown, reload } = await streamThenLeave(sim, { ms: 500 });
    expect(shown).toMatchObject({ status: "generating", text: "" });
    first.kill();
    first.engine.stop();
    await run(10_000);
    const second = reload();
    await run(31_000);
    expect(second.engine.getState()).toMatchObject({ status: "interrupted", reason: "unknown_outcome", text: "", outcome: { status: "not_charged", closedByClient: true } });
    expect(second.engine.getState().messages).toEqual([{ role: "user", content: "Tell me a story" }]);
    expect(count("streamCreateAndCall")).toBe(1);
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual(["FAILED"]);
    expect(charges()).toBe(0);
  });

  it("the server went on generating and completed it after the reload: 'charged', and only sendAgain re-sends", async () => {
    sim = simulator({ preset: "upstream", tokenDelayMs: 100 });
    const { reload } = await streamThenLeave(sim, { ms: 500 });
    // The old page's request runs on to the end of the generation (as §5 saw on one server stack).
    await run(30_000);
    const second = reload();
    await run(1_000);
    expect(second.engine.getState()).toMatchObject({ status: "interrupted", text: "", outcome: { status: "charged" } });
    expect(charges()).toBe(1);
    const plain = second.engine.retry();
    await run(30_000);
    await plain;
    expect(count("streamCreateAndCall")).toBe(1);
  });
});

describe("outcome reconciliation in a live session", () => {
  it("a stream cut mid-answer: its job is watched, then closed once, 'not charged', and a retry sends at once", async () => {
    sim = simulator();
    sim.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 3 } });
    const { engine } = page(sim);
    void engine.send("Hi");
    await run(10_000);
    await run(25_000);
    expect(engine.getState()).toMatchObject({ status: "interrupted", reason: "network", outcome: { status: "not_charged", closedByClient: true } });
    // The cleanup and the outcome share one watch of the call's jobs, and one complete after it.
    expect(count("listTeamJobs")).toBeLessThanOrEqual(10);
    expect(count("completeJob")).toBe(1);
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual(["FAILED"]);
    expect(charges()).toBe(0);

    const retried = engine.retry();
    await run(10_000);
    await retried;
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY, outcome: null });
    expect(charges()).toBe(1);
  });

  it("a timeout before the first token on a buffering server is not retried by itself: the server finishes it, 'charged', and a re-send needs consent", async () => {
    // The upstream sends nothing until the whole answer is generated (upstream-behaviour §1): 40 chunks of 100 ms.
    sim = simulator({ preset: "upstream", tokenDelayMs: 100 });
    const { engine } = page(sim, {}, null, { timeouts: { streamCreateAndCall: 1_000 } });
    void engine.send("Hi");
    await run(30_000);
    expect(engine.getState()).toMatchObject({ status: "error", reason: "unknown_outcome", outcome: { status: "charged" } });
    // One attempt: a retry would be a second job the server generates (and charges) alongside the first.
    expect(count("streamCreateAndCall")).toBe(1);
    expect(count("completeJob")).toBe(0);
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual(["COMPLETED"]);
    expect(charges()).toBe(1);
    const plain = engine.retry();
    await run(10_000);
    await plain;
    expect(count("streamCreateAndCall")).toBe(1);
  });

  it("a timeout on a server that keeps the job open: watched, then closed, 'not charged'", async () => {
    sim = simulator({ preset: "upstream", tokenDelayMs: 100, abortedStreamJob: "open" });
    const { engine } = page(sim, {}, null, { timeouts: { streamCreateAndCall: 1_000 } });
    void engine.send("Hi");
    await run(40_000);
    expect(engine.getState()).toMatchObject({ status: "error", reason: "unknown_outcome", outcome: { status: "not_charged", closedByClient: true } });
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual(["FAILED"]);
    expect(charges()).toBe(0);
  });

  it("an in-job answer has no outcome to check (the job is charged once, when its owner completes it)", async () => {
    sim = simulator();
    sim.script.next("streamLLMCall", { stream: { cutAfterChunks: 3 } });
    const { client } = page(sim);
    const { job_id } = await client.createJob({ job_type: "chat" });
    const { engine: inJob } = page(sim, { job: job_id });
    void inJob.send("Hi");
    await run(10_000);
    expect(inJob.getState().outcome).toBeNull();
    expect(count("listTeamJobs")).toBe(0);
  });
});

describe("a re-send is the answer the user asked about, and only with consent", () => {
  it("Retry pressed during a stop's charge check, then a newer send: the newer answer is not stopped and sent again", async () => {
    sim = simulator();
    const { engine } = page(sim);
    void engine.send("First");
    await run(100);
    engine.stop();
    expect(engine.getState().outcome).toEqual({ status: "checking" });
    // The retry waits for the stopped answer's fate; meanwhile the user asks something else.
    const retried = engine.retry();
    void engine.send("Second");
    await run(40_000);
    await retried;
    expect(engine.getState()).toMatchObject({ status: "done", outcome: null });
    expect(engine.getState().messages.filter((m) => m.role === "user").map((m) => m.content)).toEqual(["First", "Second"]);
    // The stopped answer (the server finished and charged it) and the second: nothing sent on the retry's behalf.
    expect(count("streamCreateAndCall")).toBe(2);
    expect(charges()).toBe(2);
  });

  it("a stopped answer restored after a reload is checked: 'charged', and only sendAgain re-sends it", async () => {
    sim = simulator();
    const { storage, state } = memoryStorage();
    const options = { storage, key: "chat", writeEveryMs: 100 };
    const first = page(sim, { persist: persistChat(options) });
    void first.engine.send("Tell me a story");
    await run(200);
    first.engine.stop();
    await run(200);
    expect(first.engine.getState().status).toBe("stopped");
    // The page goes away before its own check could close anything; the server finishes and charges the job.
    state.frozen = true;
    first.kill();
    await run(30_000);
    const second = page(sim, { persist: persistChat(options) });
    expect(second.engine.getState()).toMatchObject({ status: "stopped", outcome: { status: "checking" } });
    await run(1_000);
    expect(second.engine.getState().outcome).toMatchObject({ status: "charged" });
    const plain = second.engine.retry();
    await run(10_000);
    await plain;
    expect(count("streamCreateAndCall")).toBe(1);
    expect(charges()).toBe(1);
  });
});
