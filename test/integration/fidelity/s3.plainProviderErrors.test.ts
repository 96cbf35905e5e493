import { describe, expect, it } from "vitest";
import { isSaaSLLMError, type SaaSLLMError } from "../../../src/index";
import { AUTH, BASE, direct, MESSAGES, onFakeClock } from "./kit";

const RATE_LIMIT = /^LLM call failed: 500: Failed to call provider API: OpenAI rate limit: Error code: 429 - /;

async function jobWithFailedCall(preset: "upstream" | "documented" = "upstream") {
  const ctx = direct({ preset });
  const { job_id } = await ctx.client.createJob({ job_type: "chat" });
  ctx.sim.provider.next({ status: 429 }, { times: 9 });
  const outcome = await onFakeClock(() => ctx.client.llmCall(job_id, { model: "chat-fast", messages: MESSAGES }, { retry: false }));
  return { ...ctx, jobId: job_id, outcome };
}

describe("§3 Provider errors on plain calls have side effects and take time", () => {
  it("§3 a provider 429 on llm-call costs the server 9 provider requests and 7.5 s before it answers 500 `LLM call failed: … 429 …`", async () => {
    const { sim, client } = direct();
    const { job_id } = await client.createJob({ job_type: "chat" });
    sim.provider.next({ status: 429 }, { times: 9 });
    const { value: res, elapsedMs } = await onFakeClock(() =>
      sim.fetch(new Request(`${BASE}/api/jobs/${job_id}/llm-call`, { method: "POST", headers: AUTH, body: JSON.stringify({ model: "chat-fast", messages: MESSAGES }) })),
    );
    expect(res?.status).toBe(500);
    expect(((await res!.json()) as { detail: string }).detail).toMatch(RATE_LIMIT);
    expect(sim.provider.requests()).toHaveLength(9);
    expect(elapsedMs).toBe(7500);
  });

  it("§3 against it the client adds at most one attempt, after the provider's wait, then a rate_limited error with the wait", async () => {
    const { sim, client } = direct();
    const { job_id } = await client.createJob({ job_type: "chat" });
    sim.provider.next({ status: 429, retryAfterSeconds: 2 }, { times: 100 });
    const { error, elapsedMs } = await onFakeClock(() => client.llmCall(job_id, { model: "chat-fast", messages: MESSAGES }));
    const e = error as SaaSLLMError;
    expect(isSaaSLLMError(e) && e.kind).toBe("rate_limited");
    expect(e.retryAfterMs).toBe(2000);
    expect(e.message).toContain("try again in 2 s");
    expect(sim.requestsTo("llmCall")).toHaveLength(2);
    expect(sim.provider.requests()).toHaveLength(18);
    // Each server answer: 3 service attempts × 2 SDK waits of 2 s, plus 1 s and 2 s; then the client's 2 s wait.
    expect(elapsedMs).toBe(15_000 + 2000 + 15_000);

    const tight = direct({}, { retry: { maxUpstreamCalls: 9 } });
    const job = await tight.client.createJob({ job_type: "chat" });
    tight.sim.provider.next({ status: 429 }, { times: 100 });
    await onFakeClock(() => tight.client.llmCall(job.job_id, { model: "chat-fast", messages: MESSAGES }));
    expect([tight.sim.requestsTo("llmCall").length, tight.sim.provider.requests().length]).toEqual([1, 9]);
  });

  it("§3 with a longer provider Retry-After the server outlasts the llm-call timeout; the client tries once more at most", async () => {
    const { sim, client } = direct();
    const { job_id } = await client.createJob({ job_type: "chat" });
    // 3 × (20 s + 20 s) + 1 s + 2 s = 123 s of server retries, past the client's 120 s.
    sim.provider.next({ status: 429, retryAfterSeconds: 20 }, { times: 100 });
    const { error, elapsedMs } = await onFakeClock(() => client.llmCall(job_id, { model: "chat-fast", messages: MESSAGES }));
    expect(error).toMatchObject({ kind: "timeout" });
    expect(sim.requestsTo("llmCall")).toHaveLength(2);
    expect(sim.provider.requests()).toHaveLength(16);
    expect(elapsedMs).toBe(120_000 + 1000 + 120_000);
  });

  it("§3 after that 500 the job is IN_PROGRESS, model_groups_used has the model, and the failed call shows in costs and in failed_calls", async () => {
    const { client, jobId, outcome } = await jobWithFailedCall();
    expect(isSaaSLLMError(outcome.error)).toBe(true);
    expect(await client.getJob(jobId)).toMatchObject({ status: "in_progress", model_groups_used: ["chat-fast"] });
    const costs = await client.getJobCosts(jobId);
    expect(costs.costs.breakdown).toMatchObject([{ model: null, cost_usd: 0 }]);
    const done = await client.completeJob(jobId, { status: "completed" });
    expect(done.costs).toMatchObject({ total_calls: 1, failed_calls: 1, successful_calls: 0 });
    expect(done.calls[0]).toMatchObject({ latency_ms: null, error: expect.stringMatching(RATE_LIMIT.source.replace("^LLM call failed: ", "^")) });
  });

  it("§3 a provider 500 on create-and-call leaves a FAILED job with the provider's error as error_message", async () => {
    const { sim, client } = direct();
    sim.provider.next({ status: 500 }, { times: 9 });
    const { error } = await onFakeClock(() => client.createAndCall({ model: "chat-fast", messages: MESSAGES }, { retry: false }));
    expect(error).toMatchObject({ kind: "server", status: 500 });
    const [job] = sim.ledger.jobs();
    expect(job).toMatchObject({ status: "FAILED", errorMessage: expect.stringMatching(/^500: Failed to call provider API: OpenAI error: Error code: 500/) });
    expect(sim.ledger.charges()).toBe(0);
  });

  it("§3 llm-call-stream carries the provider's error when the provider fails, the context-manager error only when it succeeded", async () => {
    const { sim, client } = direct();
    const { job_id } = await client.createJob({ job_type: "chat" });
    sim.provider.next({ status: 429 });
    const failed = (await client.streamLLMCall(job_id, { model: "chat-fast", messages: MESSAGES }, { retry: false }).catch((e: unknown) => e)) as SaaSLLMError;
    expect(failed.detail).toMatch(/^500: Failed to call provider API: Client error '429 Too Many Requests'/);
    const broken = (await client.streamLLMCall(job_id, { model: "chat-fast", messages: MESSAGES }, { retry: false }).catch((e: unknown) => e)) as SaaSLLMError;
    expect(broken.detail).toBe("'Response' object does not support the asynchronous context manager protocol");
    expect(sim.provider.requests().map((r) => r.outcome)).toEqual([429, 200]);
  });

  it("§3 a failed call has latency_ms null and is left out of the average latency", async () => {
    const { client, jobId } = await jobWithFailedCall();
    const ok = await client.llmCall(jobId, { model: "chat-fast", messages: MESSAGES });
    const done = await client.completeJob(jobId, { status: "completed" });
    expect(done.calls.map((c) => c.latency_ms)).toEqual([null, ok.metadata.latency_ms]);
    expect(done.costs.avg_latency_ms).toBe(ok.metadata.latency_ms);
  });
});
