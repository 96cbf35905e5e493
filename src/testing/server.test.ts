import { afterEach, describe, expect, test } from "vitest";
import { createSimulator, type Simulator } from "./index";
import { startSimulatorServer } from "./node";
import { AUTH, MSGS } from "./testKit";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(sim: Simulator): Promise<string> {
  const server = await startSimulatorServer(sim);
  close = server.close;
  expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  return server.url;
}

const streamInit = (signal?: AbortSignal): RequestInit => ({
  method: "POST",
  headers: { authorization: AUTH, "content-type": "application/json" },
  body: JSON.stringify({ team_id: "team-demo", job_type: "chat", model: "chat-fast", messages: MSGS }),
  signal,
});

describe("startSimulatorServer", () => {
  test("serves JSON, plain-text 500s and the request log over real HTTP", async () => {
    const sim = createSimulator({ preset: "upstream" });
    const url = await serve(sim);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "healthy", service: "saas-llm-api" });
    const bad = await fetch(`${url}/api/jobs/nope`, { headers: { authorization: AUTH } });
    expect([bad.status, bad.headers.get("content-type"), await bad.text()]).toEqual([500, "text/plain; charset=utf-8", "Internal Server Error"]);
    expect(sim.requests.map((r) => r.headers.authorization)).toEqual([undefined, "Bearer [redacted]"]);
  });

  test("streams SSE with the contract's headers; keepalive comes first", async () => {
    const sim = createSimulator({ preset: "upstream", replyText: "Ünïcödé 🚀" });
    const url = await serve(sim);
    const res = await fetch(`${url}/api/jobs/create-and-call-stream`, streamInit());
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const text = await res.text();
    expect(text.startsWith(": keepalive\n\n")).toBe(true);
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(sim.ledger.jobs()[0]?.status).toBe("COMPLETED");
  });

  test("a scripted network error destroys the socket: fetch rejects", async () => {
    const sim = createSimulator();
    const url = await serve(sim);
    sim.script.next("health", { networkError: true });
    await expect(fetch(`${url}/health`)).rejects.toThrow(TypeError);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  test("a stream reset destroys the socket mid-body: reading the body fails", async () => {
    const sim = createSimulator({ preset: "upstream" });
    const url = await serve(sim);
    sim.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 3, reset: true } });
    const res = await fetch(`${url}/api/jobs/create-and-call-stream`, streamInit());
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readAll = async (): Promise<void> => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
      }
    };
    await expect(readAll()).rejects.toThrow(TypeError);
    // Everything before the reset arrived: keepalive, role chunk and three content chunks.
    expect(received.split("data: ")).toHaveLength(5);
    expect(sim.ledger.openJobs()).toHaveLength(1);
  });

  test("a clean cut ends the body without an error and without [DONE]", async () => {
    const sim = createSimulator({ preset: "upstream" });
    const url = await serve(sim);
    sim.script.next("streamCreateAndCall", { stream: { cutAfterBytes: 40 } });
    const res = await fetch(`${url}/api/jobs/create-and-call-stream`, streamInit());
    expect(new TextEncoder().encode(await res.text()).length).toBe(40);
  });

  test("a client abort leaves the streamed job IN_PROGRESS; close() drops open connections", async () => {
    const sim = createSimulator({ preset: "upstream", tokenDelayMs: 50 });
    const url = await serve(sim);
    const controller = new AbortController();
    const res = await fetch(`${url}/api/jobs/create-and-call-stream`, streamInit(controller.signal));
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((r) => setTimeout(r, 150));
    expect(sim.ledger.jobs()[0]?.status).toBe("IN_PROGRESS");
    // A second stream still open when the server closes: close() must not hang.
    const open = await fetch(`${url}/api/jobs/create-and-call-stream`, streamInit());
    await open.body!.getReader().read();
    await close?.();
    close = undefined;
  });
});
