import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClientMetrics, createSaaSLLMClient, isSaaSLLMError } from "../../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { createSimulatorHandlers } from "../../src/testing/mswEntry";

// The same client code as the loopback tests, through the MSW adapter (what Storybook and users' tests use).
const simulator = createSimulator({ preset: "upstream", seed: 3 });
const server = setupServer(...createSimulatorHandlers(simulator, { baseUrl: "http://llm.test" }));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => simulator.reset());
afterAll(() => server.close());

const metrics = createClientMetrics();
const makeClient = () => createSaaSLLMClient({ baseUrl: "http://llm.test", teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, onEvent: metrics.record, retry: { delay: () => 1 } });
let client = makeClient();
// The seeded simulator reuses job ids after reset(); a client remembers the jobs it closed, so each test gets its own.
beforeEach(() => void (client = makeClient()));

describe("client through MSW handlers", () => {
  it("walks a job: create, call, complete; stream single-shot; metrics per endpoint", async () => {
    const { job_id } = await client.createJob({ job_type: "msw" });
    await client.llmCall(job_id, { model: "chat-fast", messages: [{ role: "user", content: "hi" }] });
    const done = await client.completeJob(job_id, { status: "completed" });
    expect(done.costs.credit_applied).toBe(true);
    const streamed = await client.streamCreateAndCall({ model: "chat-gemini", messages: [{ role: "user", content: "hi" }] });
    expect(streamed.shape).toBe("gemini");
    expect(streamed.jobId).toBeNull(); // the upstream preset sends no job id
    const snapshot = metrics.snapshot();
    expect(snapshot.createJob).toMatchObject({ requests: 1, errors: 0, errorRate: 0 });
    expect(snapshot.streamCreateAndCall!.requests).toBe(1);
  });

  it("a network error through MSW is retried; a 403 is not", async () => {
    simulator.script.next("health", { networkError: true });
    await client.health();
    expect(simulator.requestsTo("health")).toHaveLength(2);
    simulator.team().suspend();
    const error = await client.createJob({ job_type: "x" }).catch((e: unknown) => e);
    expect(isSaaSLLMError(error) && error.kind).toBe("team_suspended");
    expect(simulator.requestsTo("createJob")).toHaveLength(1);
    expect(metrics.snapshot().createJob!.errors).toBe(1);
  });

  it("a complete that failed on the network is re-sent only after reading the job; charged once", async () => {
    const { job_id } = await client.createJob({ job_type: "x" });
    simulator.script.next("completeJob", { networkError: true });
    // The network failed before the server handled it: the job reads as still open, so it is re-sent once.
    await client.completeJob(job_id, { status: "completed" });
    expect(simulator.requestsTo("getJob")).toHaveLength(1);
    expect(simulator.requestsTo("completeJob")).toHaveLength(2);
    expect(simulator.ledger.charges(job_id)).toBe(1);
  });
});
