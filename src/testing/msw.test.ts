import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createSaaSLLMClient } from "../core/createSaaSLLMClient";
import { createSimulator, DEMO_TEAM_ID } from "./index";
import { createSimulatorHandlers } from "./mswEntry";
import { AUTH, MSGS } from "./testKit";

const sim = createSimulator({ preset: "upstream" });
const server = setupServer(...createSimulatorHandlers(sim, { baseUrl: "http://api.test" }));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => sim.reset());

describe("createSimulatorHandlers", () => {
  test("forwards requests to the simulator", async () => {
    const res = await fetch("http://api.test/api/jobs/create-and-call-stream", {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: JSON.stringify({ team_id: "team-demo", job_type: "chat", model: "chat-gemini", messages: MSGS }),
    });
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(await res.text()).toContain('"finishReason":"STOP"');
    expect(sim.requestsTo("streamCreateAndCall")).toHaveLength(1);
  });

  test("a scripted network error becomes a failed fetch", async () => {
    sim.script.next("health", { networkError: true });
    await expect(fetch("http://api.test/health")).rejects.toThrow(TypeError);
  });

  test("a base path is stripped before routing", async () => {
    server.use(...createSimulatorHandlers(sim, { baseUrl: "http://proxy.test/llm" }));
    expect(await (await fetch("http://proxy.test/llm/health")).json()).toEqual({ status: "healthy", service: "saas-llm-api" });
  });
});

describe("createSimulatorHandlers with a keyless client behind a relative prefix (standing in for the proxy)", () => {
  const keyless = createSimulator({ preset: "documented" });
  const local = setupServer(...createSimulatorHandlers(keyless, { baseUrl: "/llm" }));
  beforeAll(() => {
    server.close();
    local.listen({ onUnhandledRequest: "error" });
  });
  afterAll(() => {
    local.close();
    server.listen({ onUnhandledRequest: "error" });
  });

  test("a client under the relative prefix '/llm' with no key gets answers; the demo key was added", async () => {
    const client = createSaaSLLMClient({ baseUrl: "http://app.test/llm", teamId: DEMO_TEAM_ID, retry: false });
    const result = await client.streamCreateAndCall({ model: "chat-fast", messages: [{ role: "user", content: "Hi" }] });
    expect(result.text.length).toBeGreaterThan(0);
    expect(keyless.requestsTo("streamCreateAndCall").map((r) => [r.path, r.teamId])).toEqual([["/api/jobs/create-and-call-stream", DEMO_TEAM_ID]]);
  });

  test('"*" finds the API below any prefix, and leaves other paths to the app', async () => {
    local.use(...createSimulatorHandlers(keyless, { baseUrl: "*" }));
    const balance = await fetch(`http://other.test/proxy/api/credits/teams/${DEMO_TEAM_ID}/balance`);
    expect(balance.status).toBe(200);
    await expect(fetch("http://other.test/api/users")).rejects.toThrow(); // unhandled: passes through, and the test server refuses it
  });

  test("virtualKey: false forwards keyless requests as they are (the API's 401)", async () => {
    local.use(...createSimulatorHandlers(keyless, { baseUrl: "http://strict.test", virtualKey: false }));
    expect((await fetch("http://strict.test/api/jobs/create", { method: "POST" })).status).toBe(401);
  });
});
