import { describe, expect, test } from "vitest";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "./index";
import { AUTH, call, createJob, MSGS } from "./testKit";


describe("routing and auth (§2)", () => {
  test("health needs no auth", async () => {
    const r = await call(createSimulator(), "GET", "/health", undefined, {});
    expect(r.json).toEqual({ status: "healthy", service: "saas-llm-api" });
  });

  test("unknown path is a JSON 404, a wrong method a 405, a wrong-method GET on /api/jobs/<word> a 500 text", async () => {
    const sim = createSimulator();
    expect((await call(sim, "GET", "/api/nope")).json).toEqual({ detail: "Not Found" });
    expect((await call(sim, "DELETE", "/health")).status).toBe(405);
    const r = await call(sim, "GET", "/api/jobs/create");
    expect([r.status, r.text, r.res.headers.get("content-type")]).toEqual([500, "Internal Server Error", "text/plain; charset=utf-8"]);
  });

  test("invalid JSON is a 422 json_invalid before auth", async () => {
    const r = await call(createSimulator(), "POST", "/api/jobs/create", "{'a': 1}", { "content-type": "application/json" });
    expect(r.status).toBe(422);
    expect((r.json.detail as { type: string }[])[0]?.type).toBe("json_invalid");
  });

  test.each([
    [undefined, 401, "Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'"],
    ["", 401, "Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'"],
    ["Token abc", 401, "Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'"],
    ["Bearer a b", 401, "Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'"],
    ["Bearer sk-unknown", 401, "Invalid API key"],
    [`Bearer ${DEMO_VIRTUAL_KEY.toUpperCase()}`, 401, "Invalid API key"],
  ])("authorization %j → %i", async (header, status, detail) => {
    const headers: Record<string, string> = header === undefined ? {} : { authorization: header };
    const r = await call(createSimulator(), "GET", `/api/credits/teams/${DEMO_TEAM_ID}/balance`, undefined, headers);
    expect([r.status, r.json.detail]).toEqual([status, detail]);
  });

  test("lower-case bearer is accepted", async () => {
    const r = await call(createSimulator(), "GET", "/api/teams/team-demo/jobs", undefined, { authorization: `bearer ${DEMO_VIRTUAL_KEY}` });
    expect(r.status).toBe(200);
  });

  test("suspended and paused teams get 403 everywhere; resume restores access", async () => {
    const sim = createSimulator();
    sim.team().suspend();
    expect((await call(sim, "GET", "/api/credits/teams/team-demo/balance")).json.detail).toBe("Team access is suspended. Please contact support.");
    sim.team().pause();
    expect((await call(sim, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "x" })).json.detail).toBe(
      "Team access is paused. Please contact support.",
    );
    sim.team().resume();
    expect((await call(sim, "GET", "/api/credits/teams/team-demo/balance")).status).toBe(200);
    expect(sim.requests.map((r) => r.teamId)).toEqual(["team-demo", "team-demo", "team-demo"]);
  });

  test("revoked and rotated keys", async () => {
    const sim = createSimulator();
    sim.team().rotateKey("sk-new");
    expect((await call(sim, "GET", "/api/teams/team-demo/jobs")).json.detail).toBe("Invalid API key");
    expect((await call(sim, "GET", "/api/teams/team-demo/jobs", undefined, { authorization: "Bearer sk-new" })).status).toBe(200);
    sim.team().revokeKey();
    expect((await call(sim, "GET", "/api/teams/team-demo/jobs", undefined, { authorization: "Bearer sk-new" })).status).toBe(401);
  });
});

describe("validation (§5.3)", () => {
  test("missing model, bare-string stop, non-object message", async () => {
    const sim = createSimulator();
    const id = await createJob(sim);
    const r = await call(sim, "POST", `/api/jobs/${id}/llm-call`, { model_group: "chat-fast", messages: ["hi"], stop: "END" });
    expect(r.json.detail).toEqual([
      { type: "missing", loc: ["body", "model"], msg: "Field required", input: { model_group: "chat-fast", messages: ["hi"], stop: "END" } },
      { type: "dict_type", loc: ["body", "messages", 0], msg: "Input should be a valid dictionary", input: "hi" },
      { type: "list_type", loc: ["body", "stop"], msg: "Input should be a valid list", input: "END" },
    ]);
  });

  test("complete status must be exactly lowercase", async () => {
    const sim = createSimulator();
    const id = await createJob(sim);
    const r = await call(sim, "POST", `/api/jobs/${id}/complete`, { status: "COMPLETED" });
    expect(r.json.detail).toEqual([
      { type: "literal_error", loc: ["body", "status"], msg: "Input should be 'completed' or 'failed'", input: "COMPLETED", ctx: { expected: "'completed' or 'failed'" } },
    ]);
  });

  test("no body, missing query parameter", async () => {
    const sim = createSimulator();
    expect((await call(sim, "POST", "/api/jobs/create")).json.detail).toEqual([{ type: "missing", loc: ["body"], msg: "Field required", input: null }]);
    expect((await call(sim, "GET", "/api/teams/team-demo/usage")).json.detail).toEqual([
      { type: "missing", loc: ["query", "period"], msg: "Field required", input: null },
    ]);
  });

  test("validation runs after auth", async () => {
    const r = await call(createSimulator(), "POST", "/api/jobs/create", {}, { "content-type": "application/json" });
    expect(r.status).toBe(401);
  });
});

describe("endpoint errors (§5.1)", () => {
  const two = () =>
    createSimulator({
      teams: [
        { teamId: "team-a", virtualKey: "sk-a" },
        { teamId: "team-b", virtualKey: "sk-b", models: ["chat-fast"] },
      ],
    });

  test("T1–T7: other team's resources", async () => {
    const sim = two();
    const a = { authorization: "Bearer sk-a" };
    const job = await call(sim, "POST", "/api/jobs/create", { team_id: "team-a", job_type: "x" }, a);
    const id = job.json.job_id as string;
    const b = { authorization: "Bearer sk-b" };
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/jobs/create", { team_id: "team-a", job_type: "x" }, "API key does not belong to team 'team-a'"],
      ["GET", `/api/jobs/${id}`, undefined, "Job does not belong to your team"],
      ["GET", "/api/teams/team-a/usage?period=2025", undefined, "Cannot access usage data for a different team"],
      ["GET", "/api/teams/team-a/jobs", undefined, "Cannot access jobs for a different team"],
      ["GET", "/api/credits/teams/team-a/balance", undefined, "Cannot access credit balance for a different team"],
      ["GET", "/api/credits/teams/team-a/transactions", undefined, "Cannot access credit transactions for a different team"],
      ["POST", "/api/credits/teams/team-a/check", undefined, "Cannot check credits for a different team"],
    ];
    for (const [method, path, body, detail] of cases) {
      const r = await call(sim, method, path, body, b);
      expect([r.status, r.json.detail]).toEqual([403, detail]);
    }
  });

  test("M1/M2 model access, and the job still moved to IN_PROGRESS", async () => {
    const sim = two();
    const b = { authorization: "Bearer sk-b" };
    const id = (await call(sim, "POST", "/api/jobs/create", { team_id: "team-b", job_type: "x" }, b)).json.job_id as string;
    const m1 = await call(sim, "POST", `/api/jobs/${id}/llm-call`, { model: "chat-claude", messages: MSGS }, b);
    expect(m1.json.detail).toBe("Team 'team-b' does not have access to model alias 'chat-claude'");
    const m2 = await call(sim, "POST", `/api/jobs/${id}/llm-call`, { model: "gpt-5-typo", messages: MSGS }, b);
    expect(m2.json.detail).toBe("Team 'team-b' does not have access to model group 'gpt-5-typo'");
    expect(sim.ledger.job(id)?.status).toBe("IN_PROGRESS");
    expect(sim.ledger.job(id)?.calls).toHaveLength(0);
  });

  test("N1 and non-UUID ids; other UUID spellings work", async () => {
    const sim = createSimulator();
    expect((await call(sim, "GET", "/api/jobs/00000000-0000-4000-8000-000000000000")).json).toEqual({ detail: "Job not found" });
    expect((await call(sim, "GET", "/api/jobs/not-a-uuid/costs")).text).toBe("Internal Server Error");
    const id = await createJob(sim);
    expect((await call(sim, "GET", `/api/jobs/${id.toUpperCase().replace(/-/g, "")}`)).json.job_id).toBe(id);
  });

  test("DB column overflows are 500 text", async () => {
    const sim = createSimulator();
    const r = await call(sim, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "x".repeat(101) });
    expect([r.status, r.text]).toEqual([500, "Internal Server Error"]);
  });

  test("E12 status filter: upstream 500s on lowercase, documented accepts it", async () => {
    const up = createSimulator({ preset: "upstream" });
    expect((await call(up, "GET", "/api/teams/team-demo/jobs?status=pending")).text).toBe("Internal Server Error");
    expect((await call(up, "GET", "/api/teams/team-demo/jobs?status=PENDING")).status).toBe(200);
    const doc = createSimulator();
    await createJob(doc);
    expect((await call(doc, "GET", "/api/teams/team-demo/jobs?status=pending")).json.total).toBe(1);
  });
});

describe("fetch signature", () => {
  test("accepts (url, init) like fetch, so it can be a client's fetch", async () => {
    const sim = createSimulator();
    const res = await sim.fetch("http://sim.test/api/teams/team-demo/jobs", { headers: { authorization: AUTH } });
    expect(res.status).toBe(200);
  });
});

describe("request log", () => {
  test("records every request with the key redacted", async () => {
    const sim = createSimulator();
    await call(sim, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "chat" }, { authorization: AUTH, "idempotency-key": "k1" });
    await call(sim, "GET", "/nowhere");
    expect(sim.requests.map((r) => r.endpoint)).toEqual(["createJob", "unknown"]);
    const [first] = sim.requestsTo("createJob");
    expect(first).toMatchObject({ method: "POST", path: "/api/jobs/create", idempotencyKey: "k1", teamId: "team-demo", body: { job_type: "chat" } });
    expect(first?.headers.authorization).toBe("Bearer [redacted]");
    expect(JSON.stringify(sim.requests)).not.toContain(DEMO_VIRTUAL_KEY);
    sim.clearRequests();
    expect(sim.requests).toEqual([]);
  });
});
