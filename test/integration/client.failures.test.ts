import { afterEach, describe, expect, it, vi } from "vitest";
import { createCircuitBreaker, createSaaSLLMClient, type ClientEvent } from "../../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { failureOf as fail, useSimulatorServer, user } from "../helpers";

const fast = { retry: { delay: () => 5 } };

describe("client over HTTP: failures, retries and what the server received", () => {
  const sim = useSimulatorServer();

  it.each([
    [400, "Bad request", "bad_request"],
    [401, "Invalid API key", "unauthorized"],
    [403, "Team access is suspended. Please contact support.", "team_suspended"],
    [403, "Team access is paused. Please contact support.", "team_paused"],
    [403, "Insufficient credits", "insufficient_credits"],
    [403, "Team 'team-demo' does not have access to model alias 'x'", "model_access_denied"],
    [403, "Job does not belong to your team", "forbidden"],
    [404, "Job not found", "not_found"],
    [422, [{ type: "missing", loc: ["body", "model"], msg: "Field required" }], "validation"],
  ] as const)("%i %j -> %s, sent once", async (status, detail, kind) => {
    sim.simulator.script.next("createJob", { status, detail }, { times: 5 });
    const error = await fail(sim.client(fast).createJob({ job_type: "x" }));
    expect(error.kind).toBe(kind);
    expect(sim.simulator.requestsTo("createJob")).toHaveLength(1);
  });

  it.each([
    [429, "rate_limited"],
    [500, "server"],
    [502, "server"],
    [503, "unavailable"],
    [504, "server"],
  ] as const)("%i is retried: 1 + 3 attempts, the same Idempotency-Key on each", async (status, kind) => {
    sim.simulator.script.next("llmCall", { status, detail: "x" }, { times: 10 });
    const { job_id } = await sim.client().createJob({ job_type: "x" });
    const error = await fail(sim.client(fast).llmCall(job_id, { model: "chat-fast", messages: user("hi") }));
    expect(error.kind).toBe(kind);
    const seen = sim.simulator.requestsTo("llmCall");
    expect(seen).toHaveLength(4);
    expect(new Set(seen.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(seen[0]!.idempotencyKey).toBeTruthy();
  });

  it("a 503 twice then success: three requests, the result arrives", async () => {
    sim.simulator.script.next("getJob", { status: 503, detail: "maintenance" }, { times: 2 });
    const { job_id } = await sim.client().createJob({ job_type: "x" });
    const events: ClientEvent[] = [];
    const job = await sim.client({ ...fast, onEvent: (e) => events.push(e) }).getJob(job_id);
    expect(job.job_id).toBe(job_id);
    expect(sim.simulator.requestsTo("getJob")).toHaveLength(3);
    expect(events.filter((e) => e.type === "retry")).toHaveLength(2);
  });

  it("non-JSON error bodies: plain text, HTML page, empty", async () => {
    const client = sim.client({ retry: false });
    sim.simulator.script.next("getJob", { status: 500, body: "Internal Server Error", contentType: "text/plain" });
    expect(await fail(client.getJob("00000000-0000-4000-8000-000000000000"))).toMatchObject({ kind: "server", detail: "Internal Server Error" });
    sim.simulator.script.next("getJob", { status: 502, body: "<html><head><title>502 Bad Gateway</title></head></html>", contentType: "text/html" });
    expect(await fail(client.getJob("00000000-0000-4000-8000-000000000000"))).toMatchObject({ kind: "server", detail: "HTML error page: 502 Bad Gateway" });
    sim.simulator.script.next("getJob", { status: 503, body: "" });
    expect(await fail(client.getJob("00000000-0000-4000-8000-000000000000"))).toMatchObject({ kind: "unavailable", detail: "" });
    // A non-UUID id never reaches the server, whose plain-text 500 no retry could fix (upstream-behaviour §4).
    const before = sim.simulator.requests.length;
    expect(await fail(client.getJob("not-a-uuid"))).toMatchObject({ kind: "bad_request", retryable: false });
    expect(sim.simulator.requests).toHaveLength(before);
  });

  it("a 429 waits its Retry-After", async () => {
    sim.simulator.script.next("getJob", { status: 429, detail: "Rate limit exceeded", headers: { "retry-after": "1" } });
    const { job_id } = await sim.client().createJob({ job_type: "x" });
    const events: ClientEvent[] = [];
    await sim.client({ onEvent: (e) => events.push(e) }).getJob(job_id);
    const retry = events.find((e) => e.type === "retry");
    expect(retry).toMatchObject({ delayMs: 1000, kind: "rate_limited" });
    const [first, second] = sim.simulator.requestsTo("getJob");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("401: asks for a fresh key once and retries once when it changed", async () => {
    const keys: boolean[] = [];
    sim.simulator.team().rotateKey("sk-rotated-key-123456");
    const client = createSaaSLLMClient({
      baseUrl: sim.server.url,
      teamId: DEMO_TEAM_ID,
      getVirtualKey: ({ refresh }) => (keys.push(refresh), refresh ? "sk-rotated-key-123456" : DEMO_VIRTUAL_KEY),
    });
    await client.createJob({ job_type: "x" });
    expect(keys).toEqual([false, true]);
    expect(sim.simulator.requestsTo("createJob")).toHaveLength(2);
    // The same key again: no loop, one request more, unauthorized.
    sim.simulator.team().revokeKey();
    const stuck = createSaaSLLMClient({ baseUrl: sim.server.url, teamId: DEMO_TEAM_ID, getVirtualKey: () => "sk-rotated-key-123456" });
    sim.simulator.clearRequests();
    expect((await fail(stuck.createJob({ job_type: "x" }))).kind).toBe("unauthorized");
    expect(sim.simulator.requestsTo("createJob")).toHaveLength(1);
  });

  it("a key at hand goes out in the same task: the request has left before the call returns", async () => {
    const sent: string[] = [];
    const recording = (getVirtualKey?: () => string | Promise<string>) =>
      sim.client({ getVirtualKey, fetch: (input, init) => (sent.push(String(input)), fetch(input, init)) });
    const fixed = recording().createJob({ job_type: "x" });
    const fromProvider = recording(() => DEMO_VIRTUAL_KEY).createJob({ job_type: "x" });
    expect(sent).toHaveLength(2);
    // A provider that has to fetch its key is awaited first, as before.
    const awaited = recording(async () => DEMO_VIRTUAL_KEY).createJob({ job_type: "x" });
    expect(sent).toHaveLength(2);
    await Promise.all([fixed, fromProvider, awaited]);
    expect(sim.simulator.requestsTo("createJob")).toHaveLength(3);
  });

  it("a key provider that throws is a typed error and no request", async () => {
    const client = sim.client({
      getVirtualKey: () => {
        throw new Error("session store unavailable");
      },
      retry: { maxRetries: 0 },
    });
    const error = await fail(client.createJob({ job_type: "x" }));
    expect(error.name).toBe("SaaSLLMError");
    expect(sim.simulator.requestsTo("createJob")).toHaveLength(0);
  });

  it("timeout: our deadline fires as `timeout`, retried, then reported", async () => {
    sim.simulator.script.next("getJob", { delayMs: 400 }, { times: 3 });
    const { job_id } = await sim.client().createJob({ job_type: "x" });
    const error = await fail(sim.client({ timeouts: { getJob: 100 }, retry: { maxRetries: 1, delay: () => 5 } }).getJob(job_id));
    expect(error.kind).toBe("timeout");
    expect(sim.simulator.requestsTo("getJob")).toHaveLength(2);
  });

  it("abort by the caller is `aborted` and never retried", async () => {
    sim.simulator.script.next("createJob", { delayMs: 500 });
    const controller = new AbortController();
    const pending = sim.client().createJob({ job_type: "x" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await fail(pending)).kind).toBe("aborted");
    expect(sim.simulator.requestsTo("createJob")).toHaveLength(1);
  });

  it("network error (socket destroyed) is `network` and retried", async () => {
    sim.simulator.script.next("getJob", { networkError: true });
    const { job_id } = await sim.client().createJob({ job_type: "x" });
    await sim.client(fast).getJob(job_id);
    expect(sim.simulator.requestsTo("getJob")).toHaveLength(2);
    const offline = createSaaSLLMClient({ baseUrl: "http://127.0.0.1:9", teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, retry: false });
    expect((await fail(offline.health())).kind).toBe("network");
  });

  it("bad messages fail fast with bad_request and send nothing", async () => {
    const client = sim.client();
    expect((await fail(client.llmCall("j", { model: "chat-fast", messages: [] }))).kind).toBe("bad_request");
    expect((await fail(client.createAndCall({ model: "chat-fast", messages: [{ role: "user" } as never] }))).kind).toBe("bad_request");
    expect(sim.simulator.requests).toHaveLength(0);
  });

  it("complete is never sent twice: after a 503 it reads the job, re-sends only if it did not land", async () => {
    const client = sim.client(fast);
    const { job_id } = await client.createJob({ job_type: "x" });
    sim.simulator.script.next("completeJob", { status: 503, detail: "busy" });
    const result = await client.completeJob(job_id, { status: "completed" });
    expect(result.status).toBe("completed");
    expect(sim.simulator.requestsTo("completeJob")).toHaveLength(2);
    expect(sim.simulator.requestsTo("getJob")).toHaveLength(1);
    expect(sim.simulator.ledger.charges(job_id)).toBe(1);
  });

  it("the circuit breaker opens after repeated failures and fails fast", async () => {
    sim.simulator.script.next("getJob", { status: 503, detail: "down" }, { times: 10 });
    const client = sim.client({ retry: false, circuitBreaker: createCircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 }) });
    for (let i = 0; i < 3; i++) await fail(client.getJob("00000000-0000-4000-8000-000000000000"));
    expect(client.circuitState).toBe("open");
    expect((await fail(client.getJob("00000000-0000-4000-8000-000000000000"))).kind).toBe("circuit_open");
    expect(sim.simulator.requestsTo("getJob")).toHaveLength(3);
  });

  it("the virtual key never appears in events, errors or URLs", async () => {
    const events: ClientEvent[] = [];
    sim.simulator.script.next("getJob", { status: 403, detail: `leaked ${DEMO_VIRTUAL_KEY} and https://x?key=AIzaSySecretSecret123` });
    const error = await fail(sim.client({ onEvent: (e) => events.push(e) }).getJob("00000000-0000-4000-8000-000000000000"));
    const all = JSON.stringify(events) + JSON.stringify(error) + String(error) + error.message + error.detail + sim.simulator.requests.map((r) => r.path).join();
    expect(all).not.toContain(DEMO_VIRTUAL_KEY);
    expect(all).not.toContain("AIzaSySecretSecret123");
  });
});

describe("retry timing with fake timers (direct simulator.fetch, no sockets)", () => {
  afterEach(() => vi.useRealTimers());
  it("waits ~1 s, ~2 s, ~4 s between attempts", async () => {
    vi.useFakeTimers();
    const simulator = createSimulator({ seed: 1 });
    simulator.script.next("health", { status: 500, detail: "x" }, { times: 3 });
    const client = createSaaSLLMClient({ baseUrl: "http://sim.test", teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, fetch: (i, init) => simulator.fetch(new Request(i, init)), random: () => 0.5 });
    const done = client.health();
    await vi.advanceTimersByTimeAsync(7_500);
    await expect(done).resolves.toMatchObject({ status: "healthy" });
    const at = simulator.requestsTo("health").map((r) => r.at);
    expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual([1000, 2000, 4000]);
  });
});
