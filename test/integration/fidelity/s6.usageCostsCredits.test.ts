import { describe, expect, it } from "vitest";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../../src/testing/index";
import { AUTH, BASE, direct, MESSAGES } from "./kit";

const month = () => new Date().toISOString().slice(0, 7);

describe("§6 Usage, costs, credits", () => {
  it("§6 team usage reads the cost summary written when the job completed: calls made after completion do not count", async () => {
    const { sim, client } = direct();
    const { job_id } = await client.createJob({ job_type: "chat" });
    await client.llmCall(job_id, { model: "chat-fast", messages: MESSAGES });
    await client.completeJob(job_id, { status: "completed" });
    const before = (await client.getTeamUsage(month())).summary;
    await client.llmCall(job_id, { model: "chat-fast", messages: MESSAGES });
    const after = (await client.getTeamUsage(month())).summary;
    expect(after).toEqual(before);
    expect(before.total_tokens).toBeGreaterThan(0);
    // The next completion writes a new summary, which then counts the later call. (Sent raw: the client
    // closes a job at most once and would answer a second complete from its settled outcome.)
    await sim.fetch(new Request(`${BASE}/api/jobs/${job_id}/complete`, { method: "POST", headers: AUTH, body: JSON.stringify({ status: "completed" }) }));
    expect((await client.getTeamUsage(month())).summary.total_tokens).toBeGreaterThan(before.total_tokens);
  });

  it("§6 per-call cost_usd in the costs breakdown is rounded to 6 decimals", async () => {
    const { client } = direct({ replyText: "a b c" });
    const { job_id } = await client.createJob({ job_type: "chat" });
    await client.llmCall(job_id, { model: "chat-claude", messages: [{ role: "user", content: "x y z" }] });
    const [call] = (await client.getJobCosts(job_id)).costs.breakdown;
    expect(call!.cost_usd).toBeGreaterThan(0);
    expect(call!.cost_usd).toBe(Math.round(call!.cost_usd * 1e6) / 1e6);
  });

  it("§6 credit transactions: no initial-allocation row, and the upstream's reasons per kind of job", async () => {
    const { client } = direct();
    const { job_id } = await client.createJob({ job_type: "report" });
    await client.completeJob(job_id, { status: "completed" });
    await client.createAndCall({ model: "chat-fast", messages: MESSAGES, job_type: "qa" });
    await client.streamCreateAndCall({ model: "chat-fast", messages: MESSAGES, job_type: "chat" });
    const { transactions } = await client.getCreditTransactions();
    expect(transactions.map((t) => [t.transaction_type, t.reason])).toEqual([
      ["deduction", "Streaming single-call job chat completed (job_based mode: 1 credits)"],
      ["deduction", "Single-call job qa completed (job_based mode: 1 credits)"],
      ["deduction", "Job report completed (job_based mode: 1 credits)"],
    ]);
  });

  it("§6 a create-and-call refused for model access leaves a FAILED job whose completed_at is set", async () => {
    const { sim, client } = direct({ teams: [{ teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, models: ["chat-fast"] }] });
    await expect(client.createAndCall({ model: "chat-claude", messages: MESSAGES }, { retry: false })).rejects.toMatchObject({ kind: "model_access_denied" });
    const [listed] = (await client.listTeamJobs()).jobs;
    expect(listed).toMatchObject({ status: "failed", error_message: `Team '${DEMO_TEAM_ID}' does not have access to model alias 'chat-claude'` });
    expect(listed?.completed_at).toBeInstanceOf(Date);
    expect(sim.ledger.jobs()[0]?.completedAt).not.toBeNull();
  });

  it("§6 organization_id is the organization the team was created in (configurable)", async () => {
    const { client } = direct({ teams: [{ teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, organizationId: "org-acme-7" }] });
    expect((await client.getCreditBalance()).organization_id).toBe("org-acme-7");
    expect((await client.getTeamInfo()).organization_id).toBe("org-acme-7");
  });
});
