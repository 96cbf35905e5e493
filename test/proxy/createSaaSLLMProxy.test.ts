import { describe, expect, it } from "vitest";
import { createSaaSLLMClient } from "../../src/core/createSaaSLLMClient";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { CHAT, postJson, useProxy } from "./proxyFixture";

describe("createSaaSLLMProxy over real HTTP, simulator upstream", () => {
  const ctx = useProxy({ maxBodyBytes: 4096 });

  it("a keyless client gets answers through it; the simulator saw the key's team", async () => {
    const client = createSaaSLLMClient({ baseUrl: ctx.baseUrl, teamId: DEMO_TEAM_ID });
    const result = await client.streamCreateAndCall({ model: "chat-fast", messages: [{ role: "user", content: "Hello" }] });
    expect(result.text.length).toBeGreaterThan(0);
    expect(ctx.simulator.requestsTo("streamCreateAndCall").map((r) => r.teamId)).toEqual([DEMO_TEAM_ID]);
    expect(ctx.simulator.ledger.charges()).toBe(1);
  });

  it("drops the browser's Authorization and cookies and uses the server-side key", async () => {
    const res = await postJson(`${ctx.baseUrl}/api/jobs/create`, { team_id: DEMO_TEAM_ID, job_type: "chat" }, { authorization: "Bearer sk-from-the-browser", cookie: "session=abc" });
    expect(res.status).toBe(200);
    const [seen] = ctx.simulator.requestsTo("createJob");
    expect(seen?.headers.authorization).toBe("Bearer [redacted]");
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.teamId).toBe(DEMO_TEAM_ID);
  });

  it("refuses a foreign team in the path or the body without contacting the server", async () => {
    const inPath = await fetch(`${ctx.baseUrl}/api/credits/teams/team-other/balance`);
    const inBody = await postJson(`${ctx.baseUrl}/api/jobs/create-and-call`, { ...CHAT, team_id: "team-other" });
    expect([inPath.status, inBody.status]).toEqual([403, 403]);
    expect(await inPath.json()).toEqual({ detail: "API key does not belong to team 'team-other'" });
    expect(ctx.simulator.requests).toHaveLength(0);
  });

  it("forwards only client-facing endpoints: admin paths and unknown methods are 404 here", async () => {
    const teamInfo = await fetch(`${ctx.baseUrl}/api/teams/${DEMO_TEAM_ID}`); // would return the key
    const models = await fetch(`${ctx.baseUrl}/api/models`);
    const deleteJob = await fetch(`${ctx.baseUrl}/api/jobs/abc`, { method: "DELETE" });
    const outside = await fetch(ctx.baseUrl.replace("/llm", "/api/jobs/abc"));
    expect([teamInfo.status, models.status, deleteJob.status, outside.status]).toEqual([404, 404, 404, 404]);
    expect(ctx.simulator.requests).toHaveLength(0);
  });

  it("caps the body size (413) and refuses a body that is not a JSON object where a team id is checked", async () => {
    const big = await postJson(`${ctx.baseUrl}/api/jobs/create-and-call`, { ...CHAT, messages: [{ role: "user", content: "x".repeat(5000) }] });
    const notJson = await fetch(`${ctx.baseUrl}/api/jobs/create`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"team_id": NaN}' });
    expect([big.status, notJson.status]).toEqual([413, 400]);
    expect(ctx.simulator.requests).toHaveLength(0);
  });

  it("passes error statuses and Retry-After through, with the key redacted from the body", async () => {
    ctx.simulator.script.next("createJob", { status: 503, detail: `upstream said: Authorization: Bearer ${DEMO_VIRTUAL_KEY}`, headers: { "retry-after": "7" } });
    const res = await postJson(`${ctx.baseUrl}/api/jobs/create`, { team_id: DEMO_TEAM_ID, job_type: "chat" });
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(text).not.toContain(DEMO_VIRTUAL_KEY);
    expect(text).toContain("[redacted]");
  });

  it("answers 502 when the server cannot be reached, without the key in the body", async () => {
    ctx.simulator.script.next("getJob", { networkError: true });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/00000000-0000-4000-8000-000000000000`);
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain(DEMO_VIRTUAL_KEY);
  });
});

describe("createSaaSLLMProxy: who may call", () => {
  const ctx = useProxy({ getVirtualKey: (request) => (request.headers.get("cookie") === "session=ok" ? { virtualKey: DEMO_VIRTUAL_KEY, teamId: DEMO_TEAM_ID } : null) });

  it("asks getVirtualKey per request: no session is a 401 (the client shows sign-in) and no upstream request", async () => {
    const anonymous = await fetch(`${ctx.baseUrl}/api/credits/teams/${DEMO_TEAM_ID}/balance`);
    const signedIn = await fetch(`${ctx.baseUrl}/api/credits/teams/${DEMO_TEAM_ID}/balance`, { headers: { cookie: "session=ok" } });
    expect([anonymous.status, signedIn.status]).toEqual([401, 200]);
    expect(ctx.simulator.requests).toHaveLength(1);
  });
});

describe("createSaaSLLMProxy: beforeForward", () => {
  const seen: string[] = [];
  const ctx = useProxy({
    beforeForward: (request, credentials) => {
      seen.push(credentials.teamId);
      return request.headers.get("x-user") === "over-budget" ? Response.json({ detail: "Rate limit" }, { status: 429, headers: { "retry-after": "30" } }) : undefined;
    },
  });

  it("runs after the checks with the request's credentials; a Response it returns is the answer and nothing is forwarded", async () => {
    const over = await fetch(`${ctx.baseUrl}/api/credits/teams/${DEMO_TEAM_ID}/balance`, { headers: { "x-user": "over-budget" } });
    const ok = await fetch(`${ctx.baseUrl}/api/credits/teams/${DEMO_TEAM_ID}/balance`);
    const foreign = await fetch(`${ctx.baseUrl}/api/credits/teams/team-other/balance`);
    expect([over.status, over.headers.get("retry-after"), ok.status, foreign.status]).toEqual([429, "30", 200, 403]);
    expect(seen).toEqual([DEMO_TEAM_ID, DEMO_TEAM_ID]); // the foreign team was refused before the hook
    expect(ctx.simulator.requestsTo("getCreditBalance")).toHaveLength(1);
  });
});
