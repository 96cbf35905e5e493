import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSimulator } from "./index";
import { createSimulatorHandlers } from "./mswEntry";
import { AUTH, MSGS } from "./testKit";

const sim = createSimulator({ preset: "upstream" });
const server = setupServer(...createSimulatorHandlers(sim, { baseUrl: "http://api.test" }));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

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
