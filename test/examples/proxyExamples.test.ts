import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, DEMO_TEAM_ID } from "../../src/testing/index";
import { startSimulatorServer, type SimulatorServer } from "../../src/testing/node";

const CHAT = { team_id: DEMO_TEAM_ID, job_type: "chat", model: "chat-fast", messages: [{ role: "user", content: "Hi" }] };
const streamRequest = (url: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(CHAT) });

describe("examples/next-app-router: the route file, called the way Next.js calls it", () => {
  const simulator = createSimulator({ seed: 5 });
  let server: SimulatorServer;
  let route: { GET: (r: Request) => Promise<Response>; POST: (r: Request) => Promise<Response>; PATCH: unknown };
  beforeAll(async () => {
    server = await startSimulatorServer(simulator);
    process.env.SAAS_LLM_URL = server.url;
    route = await import("../../examples/next-app-router/app/llm/[...path]/route");
  });
  beforeEach(() => simulator.reset());
  afterAll(async () => {
    delete process.env.SAAS_LLM_URL;
    await server.close();
  });

  it("exports GET, POST and PATCH; without a session it answers 401 and never calls the server", async () => {
    expect([typeof route.GET, typeof route.POST, typeof route.PATCH]).toEqual(["function", "function", "function"]);
    const res = await route.POST(streamRequest("http://app.test/llm/api/jobs/create-and-call-stream"));
    expect(res.status).toBe(401);
    expect(simulator.requests).toHaveLength(0);
  });

  it("with the session cookie a stream comes through, signed with the server-side key", async () => {
    const res = await route.POST(streamRequest("http://app.test/llm/api/jobs/create-and-call-stream", { cookie: "demo_session=1" }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("[DONE]");
    expect(simulator.requestsTo("streamCreateAndCall").map((r) => r.teamId)).toEqual([DEMO_TEAM_ID]);
  });
});

describe("examples/node-proxy: `npm run example:proxy`", () => {
  let stop: () => void;
  let base: string;
  beforeAll(async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "examples/node-proxy/server.ts", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, SAAS_LLM_URL: "" } });
    stop = () => child.kill("SIGTERM");
    base = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const url = /Proxy on (\S+)/.exec(out)?.[1];
        if (url) resolve(url);
      });
      child.once("exit", (code) => reject(new Error(`example exited (${code}): ${out}`)));
    });
  });
  afterAll(() => stop());

  it("streams an answer from the simulator through the proxy, with no key from the caller", async () => {
    const res = await fetch(streamRequest(`${base}/api/jobs/create-and-call-stream`));
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(await res.text()).toContain("[DONE]");
  });
});
