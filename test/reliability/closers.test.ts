import { describe, expect, it } from "vitest";
import { createSaaSLLMClient, type SaaSLLMClient } from "../../src/index";
import { createJobController } from "../../src/react/job/createJobController";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, createSimulator, type Simulator } from "../../src/testing/index";

// Every path that can close a job, racing every other (and itself) on one job, in explicit interleavings:
// completes are held at a gate until the test releases them, so "both looked before either closed" is
// forced, not hoped for. Whatever the pair and order, the server receives one complete.

/** Holds every complete request until `release()`; everything else passes. */
function gatedClient(sim: Simulator) {
  const held: Array<() => void> = [];
  let open = false;
  const client = createSaaSLLMClient({
    baseUrl: "http://sim.test",
    teamId: DEMO_TEAM_ID,
    virtualKey: DEMO_VIRTUAL_KEY,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (!open && request.url.endsWith("/complete")) await new Promise<void>((resolve) => held.push(resolve));
      return sim.fetch(request);
    },
  });
  return {
    client,
    held: () => held.length,
    release() {
      open = true;
      for (const resolve of held.splice(0)) resolve();
    },
  };
}

/** Lets every pending promise and zero-delay timer of the in-process simulator run. */
async function drain(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve));
}

const CRID = "race-request-1";
type Closer = (ctx: { client: SaaSLLMClient; controller: ReturnType<typeof createJobController>; jobId: string }) => Promise<unknown>;
const CLOSERS: Record<string, Closer> = {
  "useJob complete()": ({ controller }) => controller.complete(),
  "useJob fail()": ({ controller }) => controller.fail("user gave up"),
  "useJob unmount (abandon)": ({ controller }) => controller.abandon(),
  "client.completeJob (an in-job stream's failure, or the app)": ({ client, jobId }) => client.completeJob(jobId, { status: "failed", error_message: "stream failed" }),
  "retried-attempt cleanup": ({ client }) => client.failOpenJobs(CRID, "Retried: superseded", { beforeAttempt: 2 }),
  "stopped/cut single-shot cleanup": ({ client }) => client.failOpenJobs(CRID, "Stream abandoned"),
};
const names = Object.keys(CLOSERS);
const pairs = names.flatMap((a, i) => names.slice(i).map((b) => [a, b] as const));

async function setUp() {
  const sim = createSimulator({ preset: "upstream", seed: 5 });
  const gate = gatedClient(sim);
  // The job carries a single-shot call's tags, so the lookup-based closers find it too.
  const controller = createJobController(() => gate.client, () => ({ jobType: "race", metadata: { client_request_id: CRID, client_attempt: 1 } }));
  const jobId = await controller.start();
  // A call moves it to IN_PROGRESS, as a single-shot stream's job is.
  await gate.client.llmCall(jobId, { model: "chat-fast", messages: [{ role: "user", content: "Hi" }] });
  return { sim, gate, ctx: { client: gate.client, controller, jobId } };
}

const completesOf = (sim: Simulator, jobId: string) => sim.requestsTo("completeJob").filter((r) => r.path.includes(jobId)).length;

describe("closers racing on one job", () => {
  it.each(pairs)("%s + %s, both before either complete lands: one complete request", async (a, b) => {
    const { sim, gate, ctx } = await setUp();
    const first = CLOSERS[a]!(ctx).catch(() => undefined);
    const second = CLOSERS[b]!(ctx).catch(() => undefined);
    await drain();
    // Both paths did their reads (lookups included) and reached the point of closing: one complete is waiting.
    expect(gate.held()).toBe(1);
    gate.release();
    await Promise.all([first, second]);
    expect(completesOf(sim, ctx.jobId)).toBe(1);
    expect(sim.ledger.openJobs()).toEqual([]);
    expect(sim.ledger.charges(ctx.jobId)).toBeLessThanOrEqual(1);
  });

  it.each(pairs.flatMap(([a, b]) => (a === b ? [[a, b] as const] : [[a, b] as const, [b, a] as const])))("%s settles, then %s: no second complete", async (a, b) => {
    const { sim, gate, ctx } = await setUp();
    gate.release();
    await CLOSERS[a]!(ctx).catch(() => undefined);
    await CLOSERS[b]!(ctx).catch(() => undefined);
    expect(completesOf(sim, ctx.jobId)).toBe(1);
    expect(sim.ledger.openJobs()).toEqual([]);
  });

  it("a complete that failed on the network is read before it is sent again, by whichever closer comes next", async () => {
    const { sim, gate, ctx } = await setUp();
    gate.release();
    sim.script.next("completeJob", { networkError: true });
    sim.script.next("getJob", { networkError: true }, { times: 4 });
    await expect(ctx.client.completeJob(ctx.jobId, { status: "completed" })).rejects.toMatchObject({ kind: "network" });
    await ctx.controller.complete();
    expect(sim.requestsTo("getJob").length).toBeGreaterThan(0);
    expect(completesOf(sim, ctx.jobId)).toBe(2);
    expect(sim.ledger.charges(ctx.jobId)).toBe(1);
  });
});
