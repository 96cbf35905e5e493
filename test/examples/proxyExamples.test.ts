/**
 * The two proxy examples as a user runs them: anonymous and forged sessions are refused before the API is
 * called, a signed-in user gets answers, and the per-user budget answers 429 without spending credits.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, DEMO_TEAM_ID } from "../../src/testing/index";
import { startSimulatorServer, type SimulatorServer } from "../../src/testing/node";

const CHAT = { team_id: DEMO_TEAM_ID, job_type: "chat", model: "chat-fast", messages: [{ role: "user", content: "Hi" }] };
const streamRequest = (url: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(CHAT) });
const loginRequest = (url: string, password: string) =>
  new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "alice", password }) });
/** The `name=value` part of a `Set-Cookie` answer, as the browser sends it back. */
const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0]!;
const BALANCE = `/api/credits/teams/${DEMO_TEAM_ID}/balance`;

type Handler = (request: Request) => Promise<Response>;

describe("examples/next-app-router: the route files, called the way Next.js calls them", () => {
  const simulator = createSimulator({ seed: 5 });
  let server: SimulatorServer;
  let llm: { GET: Handler; POST: Handler; PATCH: Handler };
  let login: { POST: Handler };
  beforeAll(async () => {
    server = await startSimulatorServer(simulator);
    Object.assign(process.env, { SAAS_LLM_URL: server.url, SESSION_SECRET: "test-secret", DEMO_PASSWORD: "pw", USER_REQUESTS_PER_MINUTE: "3" });
    llm = await import("../../examples/next-app-router/app/llm/[...path]/route");
    login = await import("../../examples/next-app-router/app/api/login/route");
  });
  beforeEach(() => simulator.reset());
  afterAll(async () => {
    for (const name of ["SAAS_LLM_URL", "SESSION_SECRET", "DEMO_PASSWORD", "USER_REQUESTS_PER_MINUTE"]) delete process.env[name];
    await server.close();
  });

  it("exports GET, POST and PATCH; anonymous, forged and old-demo cookies get a 401 and the server is never called", async () => {
    expect([typeof llm.GET, typeof llm.POST, typeof llm.PATCH]).toEqual(["function", "function", "function"]);
    const url = "http://app.test/llm/api/jobs/create-and-call-stream";
    const statuses = [
      (await llm.POST(streamRequest(url))).status,
      (await llm.POST(streamRequest(url, { cookie: "session=alice.bm90LWEtbWFj" }))).status,
      (await llm.POST(streamRequest(url, { cookie: "demo_session=1" }))).status,
      (await login.POST(loginRequest("http://app.test/api/login", "wrong"))).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401]);
    expect(simulator.requests).toHaveLength(0);
  });

  it("after sign-in a stream comes through, signed with the server-side key; the budget then answers 429", async () => {
    const cookie = cookieOf(await login.POST(loginRequest("http://app.test/api/login", "pw")));
    const res = await llm.POST(streamRequest("http://app.test/llm/api/jobs/create-and-call-stream", { cookie }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("[DONE]");
    expect(simulator.requestsTo("streamCreateAndCall").map((r) => r.teamId)).toEqual([DEMO_TEAM_ID]);
    const more = [];
    for (let i = 0; i < 3; i++) more.push((await llm.GET(new Request(`http://app.test/llm${BALANCE}`, { headers: { cookie } }))).status);
    expect(more).toEqual([200, 200, 429]);
    expect(simulator.requests).toHaveLength(3);
  });
});

describe("examples/node-proxy: `npm run example:proxy`", () => {
  let stop: () => void;
  let base: string;
  beforeAll(async () => {
    const env = { ...process.env, SAAS_LLM_URL: "", USER_REQUESTS_PER_MINUTE: "3" };
    const child = spawn(process.execPath, ["--import", "tsx", "examples/node-proxy/server.ts", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"], env });
    stop = () => child.kill("SIGTERM");
    base = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const url = /Proxy on (\S+)\/llm/.exec(out)?.[1];
        if (url) resolve(url);
      });
      child.once("exit", (code) => reject(new Error(`example exited (${code}): ${out}`)));
    });
  });
  afterAll(() => stop());

  it("refuses an anonymous or forged caller with 401 and a wrong password at sign-in", async () => {
    const anonymous = await fetch(streamRequest(`${base}/llm/api/jobs/create-and-call-stream`));
    const forged = await fetch(streamRequest(`${base}/llm/api/jobs/create-and-call-stream`, { cookie: "session=alice.bm90LWEtbWFj" }));
    const wrong = await fetch(loginRequest(`${base}/login`, "nope"));
    expect([anonymous.status, forged.status, wrong.status]).toEqual([401, 401, 401]);
  });

  it("a signed-in user streams an answer with no key of their own, then meets their per-user budget", async () => {
    const cookie = cookieOf(await fetch(loginRequest(`${base}/login`, "demo")));
    const res = await fetch(streamRequest(`${base}/llm/api/jobs/create-and-call-stream`, { cookie }));
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(await res.text()).toContain("[DONE]");
    const more = [];
    for (let i = 0; i < 3; i++) more.push((await fetch(`${base}/llm${BALANCE}`, { headers: { cookie } })).status);
    expect(more).toEqual([200, 200, 429]);
  });
});
