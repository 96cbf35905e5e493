import { describe, expect, test } from "vitest";
import { createSimulator, type SimulatorOptions } from "./index";
import { call, createJob, MSGS } from "./testKit";

const complete = (sim: ReturnType<typeof createSimulator>, id: string, status = "completed") =>
  call(sim, "POST", `/api/jobs/${id}/complete`, { status });

describe("job lifecycle and credits (§7)", () => {
  test("create → llm-call → complete charges exactly once and leaves no job open", async () => {
    const sim = createSimulator({ preset: "upstream", seed: 7 });
    const created = await call(sim, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "chat", metadata: { a: 1 } });
    expect(created.json).toMatchObject({ status: "PENDING" });
    expect(created.json.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    const id = created.json.job_id as string;
    const llm = await call(sim, "POST", `/api/jobs/${id}/llm-call`, { model: "chat-fast", messages: MSGS, call_metadata: { step: 1 } });
    expect(Object.keys(llm.json)).toEqual(["call_id", "response", "metadata"]);
    expect(llm.json.response).toMatchObject({ finish_reason: "stop" });
    expect(llm.json.metadata).toMatchObject({ model: "chat-fast" });
    expect(sim.ledger.job(id)?.status).toBe("IN_PROGRESS");
    const done = await complete(sim, id);
    expect(done.json).toMatchObject({ status: "COMPLETED", costs: { total_calls: 1, successful_calls: 1, credit_applied: true, credits_remaining: 99 } });
    expect((done.json.calls as unknown[])[0]).toMatchObject({ model_group: "chat-fast", error: null });
    const job = (await call(sim, "GET", `/api/jobs/${id}`)).json;
    expect(job).toMatchObject({ status: "COMPLETED", metadata: { a: 1, step: 1 }, credit_applied: true, model_groups_used: ["chat-fast"] });
    expect(job.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(sim.ledger.charges(id)).toBe(1);
    expect(sim.ledger.openJobs()).toEqual([]);
  });

  test("upstream: a repeated complete flips the charge", async () => {
    const sim = createSimulator({ preset: "upstream" });
    const id = await createJob(sim);
    const applied = [];
    for (let i = 0; i < 3; i++) applied.push(((await complete(sim, id)).json.costs as { credit_applied: boolean }).credit_applied);
    expect(applied).toEqual([true, false, true]);
    expect(sim.ledger.charges(id)).toBe(2);
    expect(sim.team().credits()).toBe(98);
  });

  test("documented: a repeated complete never charges twice", async () => {
    const sim = createSimulator();
    const id = await createJob(sim);
    for (let i = 0; i < 3; i++) expect(((await complete(sim, id)).json.costs as { credit_applied: boolean }).credit_applied).toBe(true);
    expect(sim.ledger.charges(id)).toBe(1);
  });

  test("failed completion never charges", async () => {
    const sim = createSimulator();
    const id = await createJob(sim);
    expect((await complete(sim, id, "failed")).json.status).toBe("FAILED");
    expect(sim.ledger.charges()).toBe(0);
  });

  test("upstream: credits never block; 0 balance gives credit_applied false", async () => {
    const sim = createSimulator({ preset: "upstream" });
    sim.team().setCredits(0);
    const r = await call(sim, "POST", "/api/jobs/create-and-call", { team_id: "team-demo", job_type: "chat", model: "chat-claude", messages: MSGS });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: "COMPLETED", response: { finish_reason: "end_turn" }, costs: { credit_applied: false, credits_remaining: 0, total_cost_usd: 0 } });
    expect(sim.ledger.charges()).toBe(0);
  });

  test("documented: 403 Insufficient credits before the call", async () => {
    const sim = createSimulator();
    const id = await createJob(sim);
    sim.team().setCredits(0);
    for (const [path, body] of [
      [`/api/jobs/${id}/llm-call`, { model: "chat-fast", messages: MSGS }],
      ["/api/jobs/create-and-call", { team_id: "team-demo", job_type: "c", model: "chat-fast", messages: MSGS }],
      ["/api/jobs/create-and-call-stream", { team_id: "team-demo", job_type: "c", model: "chat-fast", messages: MSGS }],
    ] as const) {
      const r = await call(sim, "POST", path, body);
      expect([r.status, r.json.detail]).toEqual([403, "Insufficient credits"]);
    }
    expect(sim.ledger.jobs()).toHaveLength(1);
  });

  test("create-and-call model 403 leaves a FAILED job whose id is not returned", async () => {
    const sim = createSimulator({ teams: [{ teamId: "t", virtualKey: "sk-t", models: [] }] });
    const r = await call(sim, "POST", "/api/jobs/create-and-call", { team_id: "t", job_type: "c", model: "chat-fast", messages: MSGS }, { authorization: "Bearer sk-t" });
    expect(r.json).toEqual({ detail: "Team 't' does not have access to model alias 'chat-fast'" });
    expect(sim.ledger.jobs()[0]).toMatchObject({ status: "FAILED", errorMessage: r.json.detail });
  });

  test("budget modes: consumption_tokens charges the minimum of 1", async () => {
    const sim = createSimulator({ teams: [{ teamId: "t", virtualKey: "sk-t", budgetMode: "consumption_tokens" }] });
    await call(sim, "POST", "/api/jobs/create-and-call", { team_id: "t", job_type: "c", model: "chat-fast", messages: MSGS }, { authorization: "Bearer sk-t" });
    expect(sim.ledger.charges()).toBe(1);
  });
});

describe("credit endpoints", () => {
  test("check answers yes/no with the exact error string", async () => {
    const sim = createSimulator();
    expect((await call(sim, "POST", "/api/credits/teams/team-demo/check?credits_needed=5")).json).toEqual({
      team_id: "team-demo", has_credits: true, credits_remaining: 100, credits_needed: 5,
    });
    const id = await createJob(sim);
    await complete(sim, id);
    sim.team().setCredits(2);
    expect((await call(sim, "POST", "/api/credits/teams/team-demo/check?credits_needed=3")).json).toEqual({
      team_id: "team-demo",
      has_credits: false,
      error: "Insufficient credits. Team has 2 credits remaining, but 3 required. Allocated: 3, Used: 1",
      credits_needed: 3,
    });
  });

  test("balance and transactions", async () => {
    const sim = createSimulator({ preset: "upstream" });
    const id = await createJob(sim);
    await complete(sim, id);
    const balance = (await call(sim, "GET", "/api/credits/teams/team-demo/balance")).json;
    expect(balance).toMatchObject({ credits_allocated: 100, credits_used: 1, credits_remaining: 99, budget_mode: "job_based", status: "active" });
    const tx = (await call(sim, "GET", "/api/credits/teams/team-demo/transactions")).json;
    // No "Initial allocation" row for a team created through the API (upstream-behaviour §6).
    expect(tx.total).toBe(1);
    expect((tx.transactions as unknown[])[0]).toMatchObject({ job_id: id, transaction_type: "deduction", credits_amount: 1, credits_before: 100, credits_after: 99, reason: "Job chat completed (job_based mode: 1 credits)" });
  });
});

describe("reports", () => {
  test("costs, usage and the jobs list", async () => {
    const sim = createSimulator({ preset: "upstream" });
    const id = await createJob(sim);
    await call(sim, "POST", `/api/jobs/${id}/llm-call`, { model: "chat-fast", messages: MSGS, purpose: "p" });
    await complete(sim, id);
    const costs = (await call(sim, "GET", `/api/jobs/${id}/costs`)).json;
    expect(costs).toMatchObject({ job_id: id, status: "COMPLETED", costs: { breakdown: [{ model: "chat-fast", purpose: "p" }] } });
    const month = new Date().toISOString().slice(0, 7);
    const usage = (await call(sim, "GET", `/api/teams/team-demo/usage?period=${month}`)).json;
    expect(usage.summary).toMatchObject({ total_jobs: 1, successful_jobs: 1, failed_jobs: 0 });
    expect(((await call(sim, "GET", `/api/teams/team-demo/usage?period=${month}-01`)).json.summary as { total_jobs: number }).total_jobs).toBe(0);
    const second = await createJob(sim);
    const list = (await call(sim, "GET", "/api/teams/team-demo/jobs?limit=1")).json;
    expect(list).toMatchObject({ total: 1, jobs: [{ job_id: second }] });
    expect((await call(sim, "GET", "/api/teams/team-demo/jobs?limit=-1")).text).toBe("Internal Server Error");
  });

  test("metadata patch merges top-level keys", async () => {
    const sim = createSimulator();
    const id = await createJob(sim);
    await call(sim, "PATCH", `/api/jobs/${id}/metadata`, { metadata: { a: 1, b: 1 } });
    const r = await call(sim, "PATCH", `/api/jobs/${id}/metadata`, { metadata: { b: 2 } });
    expect(r.json.metadata).toEqual({ a: 1, b: 2 });
  });
});

describe("presets, determinism, rate limit, faults", () => {
  test("same seed, same ids", async () => {
    const opts: SimulatorOptions = { seed: 42 };
    const a = createSimulator(opts);
    const b = createSimulator(opts);
    expect(await createJob(a)).toBe(await createJob(b));
    a.reset();
    expect(await createJob(a)).toBe(await createJob(createSimulator(opts)));
  });

  test("documented rate limit: 429 with Retry-After; upstream ignores it", async () => {
    const doc = createSimulator({ rateLimit: { requests: 2, windowMs: 10_000 } });
    await createJob(doc);
    await createJob(doc);
    const r = await call(doc, "GET", "/api/teams/team-demo/jobs");
    expect([r.status, r.json.detail, r.res.headers.get("retry-after")]).toEqual([429, "Rate limit exceeded", "10"]);
    const up = createSimulator({ preset: "upstream", rateLimit: { requests: 1, windowMs: 10_000 } });
    for (let i = 0; i < 3; i++) expect((await call(up, "GET", "/api/teams/team-demo/jobs")).status).toBe(200);
  });

  test("scripted status, raw bodies, times and '*'", async () => {
    const sim = createSimulator();
    sim.script.next("createJob", { status: 503, headers: { "retry-after": "2" } }, { times: 2 });
    sim.script.next("*", { status: 502, body: "<html><body>Bad Gateway</body></html>", contentType: "text/html" });
    sim.script.next("getJob", { status: 500, body: "" });
    const first = await call(sim, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "x" });
    expect([first.status, first.json.detail, first.res.headers.get("retry-after")]).toEqual([503, "Service Unavailable", "2"]);
    expect((await call(sim, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "x" })).status).toBe(503);
    const html = await call(sim, "GET", "/health");
    expect([html.status, html.res.headers.get("content-type"), html.text]).toEqual([502, "text/html", "<html><body>Bad Gateway</body></html>"]);
    const empty = await call(sim, "GET", "/api/jobs/x");
    expect([empty.status, empty.text]).toEqual([500, ""]);
    expect((await call(sim, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "x" })).status).toBe(200);
  });

  test("network error rejects like fetch; delay then normal handling", async () => {
    const sim = createSimulator();
    sim.script.next("health", { networkError: true });
    await expect(call(sim, "GET", "/health")).rejects.toThrow(TypeError);
    sim.script.next("health", { delayMs: 30 });
    const started = Date.now();
    expect((await call(sim, "GET", "/health")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(sim.requestsTo("health")).toHaveLength(2);
  });

  test("an aborted request rejects with the abort reason", async () => {
    const sim = createSimulator({ firstByteDelayMs: 1000 });
    const controller = new AbortController();
    const pending = sim.fetch(new Request("http://sim.test/health", { signal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
