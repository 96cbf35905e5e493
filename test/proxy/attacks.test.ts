/**
 * Issue 24's attacks on the production proxy, one case each: a hostile browser (raw requests, foreign origins,
 * encoded paths) and a misbehaving upstream (echoed keys, redirects, stalled or huge error bodies), all over
 * real loopback HTTP. Every case asserts what the browser received and what the upstream saw.
 */
import { describe, expect, it } from "vitest";
import { createSaaSLLMClient } from "../../src/core/createSaaSLLMClient";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { rawRequest, useHostileUpstream } from "./hostileUpstream";
import { CHAT, postJson, useProxy } from "./proxyFixture";

const KEY = DEMO_VIRTUAL_KEY;
const JOB = "00000000-0000-4000-8000-000000000000";
const sse = { "content-type": "text/event-stream" };

/** Every form of the key a browser must never see. */
const expectNoKey = (text: string) => {
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(encodeURIComponent(KEY));
  expect(text).not.toContain(KEY.slice(0, 8));
};
const headerText = (res: Response) => [...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
/** Resolves on the next macrotask turns: lets bytes already written cross loopback. */
const written = (res: import("node:http").ServerResponse, chunk: string) => new Promise<void>((resolve) => res.write(chunk, () => resolve()));

describe("finding 1: the key never reaches the browser", () => {
  const ctx = useHostileUpstream();

  it("response headers pass through an allowlist; an echoed key in any header is dropped", async () => {
    ctx.answer((_req, res) => {
      res.writeHead(401, {
        "content-type": "application/json",
        "www-authenticate": `Bearer realm="x", token="${KEY}"`,
        "x-echo-key": KEY,
        "x-request-id": `req-${KEY}`,
        location: `http://127.0.0.1/api/teams/team-demo?key=${KEY}`,
        "retry-after": "3",
        "x-ratelimit-remaining-requests": "9",
        "set-cookie": "upstream=1",
      });
      res.end('{"detail":"nope"}');
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`);
    expect(res.status).toBe(401);
    expectNoKey(headerText(res));
    expect([res.headers.get("location"), res.headers.get("www-authenticate"), res.headers.get("x-echo-key"), res.headers.get("set-cookie")]).toEqual([null, null, null, null]);
    expect([res.headers.get("retry-after"), res.headers.get("x-ratelimit-remaining-requests")]).toEqual(["3", "9"]);
    expect(ctx.seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`]);
  });

  it("an upstream reason phrase that echoes the key does not reach the browser's status line", async () => {
    ctx.answer((_req, res) => {
      res.writeHead(401, `Invalid key ${KEY}`, { "content-type": "application/json" });
      res.end('{"detail":"nope"}');
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`);
    expect(res.status).toBe(401);
    expectNoKey(res.statusText);
    expectNoKey(await res.text());
  });

  it("a 2xx JSON body that echoes the key (raw, Bearer, URL-encoded) is redacted", async () => {
    ctx.answer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-1" });
      res.end(JSON.stringify({ job_id: JOB, echo: `Bearer ${KEY}`, url: `/x?k=${encodeURIComponent(KEY)}`, raw: KEY }));
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`);
    const text = await res.text();
    expectNoKey(text);
    expect(JSON.parse(text)).toMatchObject({ job_id: JOB, raw: "[redacted]" });
    expect(res.headers.get("x-request-id")).toBe("req-1");
  });

  it("an SSE error event with the key split across chunks is redacted, and events still leave unbuffered", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    ctx.answer(async (_req, res) => {
      res.writeHead(200, sse);
      await written(res, 'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n');
      await held;
      const event = `data: {"error": "provider refused key ${KEY}"}\n\n`;
      for (let i = 0; i < event.length; i += 3) await written(res, event.slice(i, i + 3));
      res.end();
    });
    const res = await postJson(`${ctx.baseUrl}/api/jobs/create-and-call-stream`, CHAT);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n'); // whole, while the upstream still holds the rest
    release();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expectNoKey(rest);
    expect(rest).toBe('data: {"error": "provider refused key [redacted]"}\n\n');
  });

  it("a key that crosses the 64 KiB cut of an error body leaks none of its characters (redaction before the cut)", async () => {
    ctx.answer((_req, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`${"x".repeat(64 * 1024 - 4)}${KEY} and more`);
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`);
    const text = await res.text();
    expect(res.status).toBe(500);
    expectNoKey(text);
    expect(text).not.toMatch(/sk-?s?$/);
    expect(new TextEncoder().encode(text).byteLength).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("finding 2: redirects are never followed", () => {
  const ctx = useHostileUpstream();

  it("a same-origin 307 to the key-returning team lookup becomes a 502; the upstream sees one request", async () => {
    ctx.answer((req, res) => {
      if (req.url === "/api/teams/team-demo") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ team_id: "team-demo", virtual_key: KEY }));
        return;
      }
      res.writeHead(307, { location: "/api/teams/team-demo" });
      res.end();
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`);
    const body = (await res.json()) as { detail: string };
    expect(res.status).toBe(502);
    expect(body.detail).toMatch(/redirect/i);
    expect(res.headers.get("location")).toBeNull();
    expect(ctx.seen.map((r) => r.url)).toEqual([`/api/jobs/${JOB}`]);
  });
});

describe("finding 3: an upstream error body is read with a bound", () => {
  const ctx = useHostileUpstream({ streamIdleTimeoutMs: 100 });

  it("a 500 whose body stalls: status at once, the body ends at the idle limit and the upstream socket is closed", async () => {
    ctx.answer(async (_req, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      await written(res, '{"detail": "par');
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`);
    expect(res.status).toBe(500);
    await res.text().catch(() => "");
    expect(await ctx.seen[0]!.closed).toEqual({ finished: false });
  });

  it("a browser that leaves during a stalled error body aborts the upstream request", async () => {
    ctx.answer(async (_req, res) => {
      res.writeHead(502, { "content-type": "text/plain" });
      await written(res, "Bad gateway, retrying");
    });
    const browser = new AbortController();
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`, { signal: browser.signal });
    expect(res.status).toBe(502);
    browser.abort();
    expect(await ctx.seen[0]!.closed).toEqual({ finished: false });
  });

  it("a 5 MB error body: the browser gets at most 64 KiB and the upstream body is cancelled", async () => {
    ctx.answer(async (_req, res) => {
      res.writeHead(500, { "content-type": "text/html" });
      const chunk = "<p>error</p>".repeat(8192);
      for (let sent = 0; sent < 5_000_000 && !res.destroyed; sent += chunk.length) await written(res, chunk);
      res.end();
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`);
    const text = await res.text();
    expect(text.length).toBeLessThanOrEqual(64 * 1024);
    expect(text.startsWith("<p>error</p>")).toBe(true);
    expect(await ctx.seen[0]!.closed).toEqual({ finished: false });
  });

  it("a slow 502 sends its status and headers before its body arrives", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    ctx.answer(async (_req, res) => {
      res.writeHead(502, { "content-type": "application/json", "retry-after": "1" });
      await written(res, '{"detail": ');
      await held;
      res.end('"upstream down"}');
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`);
    expect([res.status, res.headers.get("retry-after")]).toEqual([502, "1"]); // the body is still held upstream
    release();
    expect(await res.json()).toEqual({ detail: "upstream down" });
  });
});

describe("finding 4: cross-site requests spend no credits", () => {
  const ctx = useProxy();
  const stream = `/api/jobs/create-and-call-stream`;

  it("a cross-site POST without a content type (an HTML form, a no-cors fetch) is refused, nothing charged", async () => {
    const res = await fetch(`${ctx.baseUrl}${stream}`, { method: "POST", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body: new Blob([JSON.stringify(CHAT)]) });
    expect(res.status).toBe(403);
    expect(ctx.simulator.requests).toHaveLength(0);
    expect(ctx.simulator.ledger.charges()).toBe(0);
  });

  it("a foreign Origin alone, or Sec-Fetch-Site: cross-site alone, is refused", async () => {
    const origin = await postJson(`${ctx.baseUrl}${stream}`, CHAT, { origin: "https://evil.example" });
    const fetchSite = await postJson(`${ctx.baseUrl}${stream}`, CHAT, { "sec-fetch-site": "cross-site" });
    const nullOrigin = await postJson(`${ctx.baseUrl}${stream}`, CHAT, { origin: "null" });
    expect([origin.status, fetchSite.status, nullOrigin.status]).toEqual([403, 403, 403]);
    expect(ctx.simulator.requests).toHaveLength(0);
  });

  it("a body that is not declared JSON is a 415 on every POST and PATCH (form, text/plain, none)", async () => {
    const send = (method: string, path: string, contentType?: string) =>
      fetch(`${ctx.baseUrl}${path}`, { method, headers: contentType ? { "content-type": contentType } : {}, body: new Blob([JSON.stringify(CHAT)]) });
    const statuses = [
      (await send("POST", stream, "application/x-www-form-urlencoded")).status,
      (await send("POST", "/api/jobs/create", "text/plain")).status,
      (await send("POST", "/api/jobs/create-and-call")).status,
      (await send("PATCH", `/api/jobs/${JOB}/metadata`, "multipart/form-data; boundary=x")).status,
    ];
    expect(statuses).toEqual([415, 415, 415, 415]);
    expect(ctx.simulator.requests).toHaveLength(0);
  });

  it("a same-origin browser request (Origin of the proxy's own host, Sec-Fetch-Site: same-origin) is forwarded", async () => {
    const res = await postJson(`${ctx.baseUrl}${stream}`, CHAT, { origin: new URL(ctx.baseUrl).origin, "sec-fetch-site": "same-origin" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("[DONE]");
    expect(ctx.simulator.ledger.charges()).toBe(1);
  });
});

describe("finding 4: allowedOrigins lets a named origin through", () => {
  const ctx = useProxy({ allowedOrigins: ["https://app.example"] });

  it("an allowed origin is forwarded, any other is still refused", async () => {
    const allowed = await postJson(`${ctx.baseUrl}/api/jobs/create`, { team_id: DEMO_TEAM_ID, job_type: "chat" }, { origin: "https://app.example", "sec-fetch-site": "cross-site" });
    const other = await postJson(`${ctx.baseUrl}/api/jobs/create`, { team_id: DEMO_TEAM_ID, job_type: "chat" }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect([allowed.status, other.status]).toEqual([200, 403]);
    expect(ctx.simulator.requestsTo("createJob")).toHaveLength(1);
  });
});

describe("finding 5 and 7: malformed and encoded targets are refused before the upstream", () => {
  const ctx = useHostileUpstream();

  it.each([
    ["an encoded slash", "/api/jobs/..%2f..%2fapi%2fteams%2fteam-demo"],
    ["an encoded slash, upper case", "/api/jobs/..%2F..%2Fapi%2Fteams%2Fteam-demo"],
    ["an encoded backslash", "/api/jobs/..%5c..%5capi%5cteams%5cteam-demo"],
    ["an encoded dot segment", "/api/jobs/%2e%2e/costs"],
    ["a single encoded dot", "/api/teams/%2E/usage"],
    ["a double-encoded slash", "/api/jobs/a%252fb"],
  ])("%s in a path id is a 400 and never forwarded", async (_name, path) => {
    const status = await rawRequest(ctx.port, `GET /llm${path} HTTP/1.1\r\nhost: 127.0.0.1`);
    expect(status).toBe(400);
    expect(ctx.seen).toHaveLength(0);
  });

  it.each([
    ["absolute-form", `GET http://127.0.0.1/llm/health HTTP/1.1`],
    ["absolute-form to another host", `GET http://evil.example/llm/api/teams/team-demo HTTP/1.1`],
    ["OPTIONS *", "OPTIONS * HTTP/1.1"],
    ["TRACE", "TRACE /llm/health HTTP/1.1"],
  ])("a malformed target (%s) is a 400", async (_name, line) => {
    const status = await rawRequest(ctx.port, `${line}\r\nhost: 127.0.0.1`);
    expect(status).toBe(400);
    expect(ctx.seen).toHaveLength(0);
  });

  it("finding 6: the forwarded URL never comes from the Host header", async () => {
    ctx.answer((_req, res) => res.end('{"status":"healthy"}'));
    const status = await rawRequest(ctx.port, `GET /llm/health HTTP/1.1\r\nhost: 127.0.0.1/llm/api/credits/teams/team-demo/balance#`);
    expect(ctx.seen.map((r) => r.url)).not.toContain("/api/credits/teams/team-demo/balance");
    expect(status === 200 ? ctx.seen.map((r) => r.url) : []).toEqual(status === 200 ? ["/health"] : []);
  });

  it("finding 7: an upstream 304 is passed through (not a 500), with its validators", async () => {
    ctx.answer((_req, res) => {
      res.writeHead(304, { etag: '"v1"', "cache-control": "private" });
      res.end();
    });
    const res = await fetch(`${ctx.baseUrl}/api/jobs/${JOB}`, { headers: { "if-none-match": '"v1"' } });
    expect([res.status, res.headers.get("etag")]).toEqual([304, '"v1"']);
    expect(ctx.seen[0]?.headers["if-none-match"]).toBe('"v1"');
  });
});

describe("finding 7: E17 (resolveModelGroup) is forwarded as docs/wire-protocol.md says", () => {
  const ctx = useProxy();

  it("the client's resolveModelGroup reaches the simulator through the proxy; a foreign team_id in the query does not", async () => {
    const client = createSaaSLLMClient({ baseUrl: ctx.baseUrl, teamId: DEMO_TEAM_ID });
    await expect(client.resolveModelGroup("chat-fast")).rejects.toMatchObject({ kind: "not_found" }); // an alias is a 404 upstream too
    const foreign = await fetch(`${ctx.baseUrl}/api/model-groups/legacy/resolve?team_id=team-other`);
    const twice = await fetch(`${ctx.baseUrl}/api/model-groups/legacy/resolve?team_id=${DEMO_TEAM_ID}&team_id=team-other`);
    expect([foreign.status, twice.status]).toEqual([403, 403]);
    expect(ctx.simulator.requestsTo("resolveModelGroup")).toHaveLength(1);
  });
});

describe("a browser gone before the request is forwarded", () => {
  let leave: () => void = () => undefined;
  let forwarded: Promise<"answered" | "refused"> | null = null;
  let onForward: () => void = () => undefined;
  const ctx = useHostileUpstream({
    // The browser leaves while the app's own check runs (a budget lookup, a session read).
    beforeForward: async (request) => {
      leave();
      if (!request.signal.aborted) await new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }));
    },
    fetch: (input, init) => {
      const answer = globalThis.fetch(input, init);
      forwarded = answer.then(() => "answered" as const, () => "refused" as const);
      onForward();
      return answer;
    },
  });

  it("sends nothing upstream with the key: no billed call for a reader who left", async () => {
    const browser = new AbortController();
    leave = () => browser.abort();
    const reached = new Promise<void>((resolve) => (onForward = resolve));
    await expect(fetch(`${ctx.baseUrl}/api/jobs/${JOB}`, { signal: browser.signal })).rejects.toThrow();
    await reached;
    expect(await forwarded).toBe("refused");
    expect(ctx.seen).toHaveLength(0);
  });
});
