import { describe, expect, it } from "vitest";
import { DEMO_TEAM_ID } from "../../src/testing/index";
import { useSimulatorServer, user } from "../helpers";

describe.each(["documented", "upstream"] as const)("client over HTTP, %s preset: every endpoint's success path", (preset) => {
  const sim = useSimulatorServer({ preset });

  it("health", async () => {
    expect(await sim.client().health()).toMatchObject({ status: "healthy" });
  });

  it("job lifecycle: create, call, metadata, costs, complete, get, list, usage, balance, transactions, check", async () => {
    const client = sim.client();
    const created = await client.createJob({ job_type: "summarize", metadata: { doc: 1 } });
    expect(created.status).toBe("pending");
    expect(created.created_at).toBeInstanceOf(Date);

    const call = await client.llmCall(created.job_id, { model: "chat-fast", messages: user("Hello"), call_metadata: { step: 1 } });
    expect(typeof call.response.content).toBe("string");
    expect(call.metadata.model).toBe("chat-fast");
    const body = sim.simulator.requestsTo("llmCall")[0]!.body as Record<string, unknown>;
    expect(body.model).toBe("chat-fast");
    expect(body.model_group).toBe("chat-fast");

    expect((await client.updateJobMetadata(created.job_id, { extra: true })).metadata).toMatchObject({ doc: 1, extra: true });
    const costs = await client.getJobCosts(created.job_id);
    expect(costs.status).toBe("in_progress");
    expect(costs.costs.breakdown).toHaveLength(1);

    const before = (await client.getCreditBalance()).credits_remaining;
    const done = await client.completeJob(created.job_id, { status: "completed" });
    expect(done.status).toBe("completed");
    expect(done.costs.credit_applied).toBe(true);
    expect(done.costs.credits_remaining).toBe(before - 1);
    expect(done.completed_at).toBeInstanceOf(Date);

    const job = await client.getJob(created.job_id);
    expect(job).toMatchObject({ job_id: created.job_id, status: "completed", credit_applied: true, team_id: DEMO_TEAM_ID });
    expect(job.created_at.getTime()).toBeGreaterThan(0);

    const list = await client.listTeamJobs({ status: "completed" });
    expect(list.jobs.map((j) => j.job_id)).toContain(created.job_id);
    // Sent uppercase: the upstream answers a lowercase filter with a plain-text 500.
    expect(list.jobs.every((j) => j.status === "completed")).toBe(true);

    const usage = await client.getTeamUsage("");
    expect(usage.summary.total_jobs).toBeGreaterThanOrEqual(1);
    expect((await client.getCreditTransactions({ limit: 5 })).transactions[0]).toMatchObject({ job_id: created.job_id, transaction_type: "deduction" });
    expect(await client.checkCredits(1)).toMatchObject({ has_credits: true });
    sim.simulator.team().setCredits(0);
    expect(await client.checkCredits(1)).toMatchObject({ has_credits: false });
  });

  it("create-and-call", async () => {
    const result = await sim.client().createAndCall({ model: "chat-claude", messages: user("Hi") });
    expect(result.status).toBe("completed");
    expect(result.costs.credit_applied).toBe(true);
    expect(sim.simulator.ledger.charges(result.job_id)).toBe(1);
  });

  it.each(["chat-fast", "chat-claude", "chat-gemini"])("streamed create-and-call through %s: text equals the non-streamed reply", async (model) => {
    const client = sim.client();
    const deltas: string[] = [];
    const result = await client.streamCreateAndCall({ model, messages: user("Stream me") }, { onEvent: (e) => e.type === "text" && deltas.push(e.text) });
    expect(result.text.length).toBeGreaterThan(10);
    expect(deltas.join("")).toBe(result.text);
    expect(result.shape).toBe(model === "chat-fast" ? "openai" : model === "chat-claude" ? "anthropic" : "gemini");
    // The job is findable by the correlation id even where the server sends no job id.
    const job = await client.findJobByClientRequestId(result.clientRequestId!);
    expect(job?.status).toBe("completed");
    if (preset === "documented") expect(result.jobId).toBe(job?.job_id);
    else expect(result.jobId).toBeNull();
    expect(sim.simulator.ledger.openJobs()).toHaveLength(0);
  });
});
