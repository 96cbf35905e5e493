import * as http from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSaaSLLMClient } from "../../../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../../src/testing/index";
import { startSimulatorServer, type SimulatorServer } from "../../../src/testing/node";
import { BASE, direct, MESSAGES } from "./kit";

const sim = createSimulator({ preset: "upstream", seed: 5 });
let server: SimulatorServer;
beforeAll(async () => {
  server = await startSimulatorServer(sim);
});
afterAll(() => server.close());
beforeEach(() => sim.reset());

/** GET over one keep-alive agent; resolves with the status, headers and the socket that carried it. */
function get(agent: http.Agent, path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}${path}`, { agent, headers: { authorization: `Bearer ${DEMO_VIRTUAL_KEY}` } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, socket: req.socket! }));
    });
    req.on("error", reject);
  });
}

describe("§4 Connections", () => {
  it("§4 after a plain-text 500 the server closes the keep-alive connection shortly after, without `Connection: close`", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // A handled (JSON) error keeps the connection: the next request rides the same socket.
      const first = await get(agent, "/api/jobs/00000000-0000-4000-8000-000000000000");
      const second = await get(agent, "/api/jobs/00000000-0000-4000-8000-000000000000");
      expect([first.status, second.socket]).toEqual([404, first.socket]);
      const crash = await get(agent, "/api/jobs/not-a-uuid");
      expect([crash.status, crash.headers["content-type"], crash.headers.connection]).toEqual([500, "text/plain; charset=utf-8", "keep-alive"]);
      await new Promise((resolve) => crash.socket.once("close", resolve));
      expect(crash.socket.destroyed).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it("§4 a non-UUID job id is an input error: the server answers a plain-text 500, the client a bad_request before any request", async () => {
    const client = createSaaSLLMClient({ baseUrl: server.url, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY });
    const res = await fetch(`${server.url}/api/jobs/not-a-uuid/llm-call`, { method: "POST", headers: { authorization: `Bearer ${DEMO_VIRTUAL_KEY}`, "content-type": "application/json" }, body: JSON.stringify({ model: "chat-fast", messages: MESSAGES }) });
    expect([res.status, await res.text()]).toEqual([500, "Internal Server Error"]);
    sim.clearRequests();
    const calls = [
      client.llmCall("not-a-uuid", { model: "chat-fast", messages: MESSAGES }),
      client.streamLLMCall("job-1", { model: "chat-fast", messages: MESSAGES }),
      client.getJob("12345"),
      client.completeJob("nope", { status: "completed" }),
      client.updateJobMetadata("nope", { a: 1 }),
      client.getJobCosts("nope"),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ kind: "bad_request", retryable: false });
    expect(sim.requests).toHaveLength(0);
    // Python's uuid.UUID() spellings are still valid ids.
    await expect(client.getJob("{00000000-0000-4000-8000-000000000000}")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("§4 a CORS preflight from a foreign origin gets 400 `Disallowed CORS origin`; 405 answers carry `Allow: POST` only", async () => {
    const { sim: local } = direct();
    const preflight = (origin: string) =>
      local.fetch(new Request(`${BASE}/api/jobs/create`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" } }));
    const foreign = await preflight("https://app.example.com");
    expect([foreign.status, foreign.headers.get("content-type"), await foreign.text()]).toEqual([400, "text/plain; charset=utf-8", "Disallowed CORS origin"]);
    const admin = await preflight("http://localhost:3001");
    expect([admin.status, admin.headers.get("access-control-allow-origin"), admin.headers.get("access-control-allow-credentials")]).toEqual([200, "http://localhost:3001", "true"]);
    for (const [method, path] of [["PATCH", "/api/jobs/create-and-call"], ["PUT", "/api/jobs/create"], ["DELETE", "/api/jobs/create-and-call-stream"]]) {
      const res = await local.fetch(new Request(`${BASE}${path}`, { method }));
      expect([res.status, res.headers.get("allow")]).toEqual([405, "POST"]);
    }
  });
});
