import { describe, expect, test } from "vitest";
import { createSimulator } from "./index";
import { call, createJob, dataLines, MSGS, req } from "./testKit";

describe("contract edge cases", () => {
  test("documented timestamps are ISO with Z; upstream uses the two formats of §1", async () => {
    const doc = createSimulator();
    const created = await call(doc, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "x" });
    expect(created.json.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const up = createSimulator({ preset: "upstream" });
    const id = await createJob(up);
    const done = await call(up, "POST", `/api/jobs/${id}/complete`, { status: "completed" });
    expect(done.json.completed_at).toMatch(/\.\d{6}$/);
    expect((await call(up, "GET", `/api/jobs/${id}`)).json.completed_at).toMatch(/:\d\dZ$/);
  });

  test("brokenLlmCallStream can be switched off for upstream and on for documented", async () => {
    const up = createSimulator({ preset: "upstream", brokenLlmCallStream: false, replyText: "ok" });
    const id = await createJob(up);
    const text = await (await up.fetch(req("POST", `/api/jobs/${id}/llm-call-stream`, { model: "chat-fast", messages: MSGS }))).text();
    expect(dataLines(text).at(-1)).toBe("[DONE]");
    const doc = createSimulator({ brokenLlmCallStream: true });
    const id2 = await createJob(doc);
    const broken = await (await doc.fetch(req("POST", `/api/jobs/${id2}/llm-call-stream`, { model: "chat-fast", messages: MSGS }))).text();
    expect(broken).toContain("asynchronous context manager protocol");
  });

  test("E6 model 403 is a JSON error and leaves a FAILED job", async () => {
    const sim = createSimulator({ preset: "upstream" });
    const r = await call(sim, "POST", "/api/jobs/create-and-call-stream", { team_id: "team-demo", job_type: "c", model: "nope", messages: MSGS });
    expect([r.status, r.res.headers.get("content-type"), r.json.detail]).toEqual([403, "application/json", "Team 'team-demo' does not have access to model group 'nope'"]);
    expect(sim.ledger.jobs()[0]?.status).toBe("FAILED");
  });

  test("a team may use a model-group name it was given", async () => {
    const sim = createSimulator({ preset: "upstream", teams: [{ teamId: "t", virtualKey: "sk-t", models: ["claude-group"] }] });
    const text = await (
      await sim.fetch(req("POST", "/api/jobs/create-and-call-stream", { team_id: "t", job_type: "c", model: "claude-group", messages: MSGS }, { authorization: "Bearer sk-t" }))
    ).text();
    expect(text).toContain("message_start");
  });

  test("E9 rejects null metadata; E7 metadata on a null-metadata job is a 500 text", async () => {
    const sim = createSimulator();
    const id = (await call(sim, "POST", "/api/jobs/create", { team_id: "team-demo", job_type: "x", metadata: null })).json.job_id as string;
    const patch = await call(sim, "PATCH", `/api/jobs/${id}/metadata`, { metadata: null });
    expect((patch.json.detail as { type: string }[])[0]?.type).toBe("dict_type");
    const done = await call(sim, "POST", `/api/jobs/${id}/complete`, { status: "completed", metadata: { a: 1 } });
    expect([done.status, done.text]).toEqual([500, "Internal Server Error"]);
    expect(sim.ledger.charges()).toBe(0);
  });

  test("usage with an empty period covers all time", async () => {
    const sim = createSimulator();
    await call(sim, "POST", "/api/jobs/create-and-call", { team_id: "team-demo", job_type: "chat", model: "chat-fast", messages: MSGS });
    const usage = (await call(sim, "GET", "/api/teams/team-demo/usage?period=")).json;
    expect(usage).toMatchObject({ period: "", summary: { total_jobs: 1, successful_jobs: 1 }, job_types: { chat: { count: 1, cost_usd: 0 } } });
  });

  test("a non-JSON content type is a 422 after auth", async () => {
    const sim = createSimulator();
    const r = await call(sim, "POST", "/api/jobs/create", "team_id=x", { authorization: "Bearer sk-sim-demo-0123456789abcdef", "content-type": "text/plain" });
    expect((r.json.detail as { type: string }[])[0]?.type).toBe("model_attributes_type");
  });

  test("reset() restores teams, jobs, faults and the log", async () => {
    const sim = createSimulator({ seed: 5 });
    sim.team().suspend();
    sim.script.next("health", { status: 500 });
    await createJob(sim);
    sim.reset();
    expect([sim.team().status(), sim.team().credits(), sim.ledger.jobs().length, sim.requests.length]).toEqual(["active", 100, 0, 0]);
    expect((await call(sim, "GET", "/health")).status).toBe(200);
  });
});
