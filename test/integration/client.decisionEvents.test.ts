import { describe, expect, it } from "vitest";
import type { ClientEvent } from "../../src/index";
import { DEMO_TEAM_ID } from "../../src/testing/index";
import { failureOf, useSimulatorServer, user } from "../helpers";

const model = "chat-fast";
const messages = user("Hi");

/** A client over real HTTP whose events are collected. */
function observed(sim: ReturnType<typeof useSimulatorServer>, options: Parameters<ReturnType<typeof useSimulatorServer>["client"]>[0] = {}) {
  const events: ClientEvent[] = [];
  const client = sim.client({ onEvent: (e) => events.push(e), ...options });
  const of = <T extends ClientEvent["type"]>(type: T) => events.filter((e): e is Extract<ClientEvent, { type: T }> => e.type === type);
  return { client, events, of };
}

describe("client events carry the decisions, not just the outcomes", () => {
  const sim = useSimulatorServer();

  it("a retry says why (kind, status), where its wait came from and its place in the budget; the last failure says why it was not retried", async () => {
    const { client, of } = observed(sim, { retry: { maxRetries: 1, delay: () => 1 } });
    const { job_id } = await client.createJob({ job_type: "chat" });
    sim.simulator.script.next("llmCall", { status: 503, detail: "down" }, { times: 2 });
    expect((await failureOf(client.llmCall(job_id, { model, messages }))).kind).toBe("unavailable");
    expect(sim.simulator.requestsTo("llmCall")).toHaveLength(2);
    expect(of("retry").map(({ attempt, delayMs, delaySource, retry, maxRetries, kind, status }) => ({ attempt, delayMs, delaySource, retry, maxRetries, kind, status }))).toEqual([
      { attempt: 1, delayMs: 1, delaySource: "custom", retry: 1, maxRetries: 1, kind: "unavailable", status: 503 },
    ]);
    expect(of("no-retry").map((e) => [e.attempt, e.reason])).toEqual([[2, "retries-exhausted"]]);
  });

  it("a 429's wait is the server's Retry-After", async () => {
    const { client, of } = observed(sim);
    sim.simulator.script.next("createJob", { status: 429, detail: "slow down", headers: { "retry-after": "0" } });
    await client.createJob({ job_type: "chat" });
    expect(of("retry")[0]).toMatchObject({ delaySource: "retry-after", delayMs: 0, status: 429 });
  });

  it("a cut stream ends with its first-token time, chunk count and kind; it is not retried because text was shown", async () => {
    const { client, of } = observed(sim);
    const { job_id } = await client.createJob({ job_type: "chat" });
    sim.simulator.script.next("streamLLMCall", { stream: { cutAfterChunks: 3 } });
    await failureOf(client.streamLLMCall(job_id, { model, messages }));
    const [end] = of("stream-end");
    expect(end).toMatchObject({ outcome: "stream_interrupted", chunks: 3, jobId: job_id, finishReason: null });
    expect(end?.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(end?.firstTokenMs).toBeLessThanOrEqual(end?.latencyMs ?? -1);
    expect(of("no-retry").map((e) => e.reason)).toEqual(["partial-text"]);
    expect(sim.simulator.requestsTo("streamLLMCall")).toHaveLength(1);
  });

  it("jobs: open, each call's usage, and every close with who, why and the charge", async () => {
    const { client, of } = observed(sim);
    const { job_id } = await client.createJob({ job_type: "summarize" });
    await client.llmCall(job_id, { model, messages });
    await client.completeJob(job_id, { status: "completed" });
    await client.completeJob(job_id, { status: "failed", error_message: "again" }, { closedBy: "unmount" });
    expect(of("job-open")).toMatchObject([{ jobId: job_id, jobType: "summarize", endpoint: "createJob" }]);
    const call = sim.simulator.ledger.job(job_id)?.calls[0];
    expect(of("call-usage")).toMatchObject([{ jobId: job_id, tokens: (call?.promptTokens ?? 0) + (call?.completionTokens ?? 0), model: expect.any(String) }]);
    expect(of("job-close").map(({ status, by, reason, ok, charge }) => ({ status, by, reason, ok, credit: charge?.creditApplied, left: charge?.creditsRemaining }))).toEqual([
      { status: "completed", by: "app", reason: undefined, ok: true, credit: true, left: 99 },
    ]);
    // The second close is answered from the first (the client closes a job once) and says so.
    expect(of("job-close-shared")).toMatchObject([{ jobId: job_id, status: "failed", by: "unmount", reason: "again" }]);
    expect(sim.simulator.requestsTo("completeJob")).toHaveLength(1);
  });

  it("a refused close is reported with its error kind; E5 is opened and closed by the server with its charge", async () => {
    const { client, of } = observed(sim);
    sim.simulator.script.next("completeJob", { status: 404, detail: "Job not found" });
    await failureOf(client.completeJob("00000000-0000-4000-8000-000000000000", { status: "completed" }));
    expect(of("job-close")).toMatchObject([{ jobId: "00000000-0000-4000-8000-000000000000", ok: false, errorKind: "not_found", by: "app" }]);

    const result = await client.createAndCall({ model, messages, team_id: DEMO_TEAM_ID });
    expect(of("job-open").at(-1)).toMatchObject({ jobId: result.job_id, endpoint: "createAndCall" });
    expect(of("job-close").at(-1)).toMatchObject({ jobId: result.job_id, by: "server", status: "completed", ok: true, charge: { creditApplied: true, creditsRemaining: 99 } });
  });
});
