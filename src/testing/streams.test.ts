import { describe, expect, test } from "vitest";
import { createSimulator, type Simulator, type SimulatorOptions } from "./index";
import { call, chunksOf, concat, createJob, dataLines, MSGS, req } from "./testKit";

const E6 = "/api/jobs/create-and-call-stream";
const body = (model: string, extra: Record<string, unknown> = {}) => ({ team_id: "team-demo", job_type: "chat", model, messages: MSGS, ...extra });
const stream = (sim: Simulator, model = "chat-fast", extra?: Record<string, unknown>, init?: RequestInit) =>
  sim.fetch(new Request(req("POST", E6, body(model, extra)), init));
const upstream = (opts: SimulatorOptions = {}) => createSimulator({ preset: "upstream", seed: 3, replyText: "Héllo 日本 🚀 end", ...opts });

describe("E6 stream shapes (§6)", () => {
  test("OpenAI: keepalive first, chat.completion.chunk events, [DONE], then the job is completed and charged", async () => {
    const sim = upstream();
    const res = await stream(sim);
    expect(Object.fromEntries(res.headers)).toEqual({
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      "x-accel-buffering": "no",
    });
    const text = await res.text();
    expect(text.startsWith(": keepalive\n\ndata: {")).toBe(true);
    const data = dataLines(text);
    expect(data.at(-1)).toBe("[DONE]");
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as { object: string; choices: { delta: { content?: string }; finish_reason: string | null }[] });
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Héllo 日本 🚀 end");
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    const [job] = sim.ledger.jobs();
    expect(job).toMatchObject({ status: "COMPLETED", creditApplied: true });
    expect(sim.ledger.charges(job?.jobId)).toBe(1);
    expect(text).not.toContain(job?.jobId);
  });

  test("Anthropic: message_start … message_stop, no [DONE]", async () => {
    const text = await (await stream(upstream(), "chat-claude")).text();
    const types = dataLines(text).map((d) => (JSON.parse(d) as { type: string }).type);
    expect(types[0]).toBe("message_start");
    expect(types).toContain("content_block_delta");
    expect(types.slice(-2)).toEqual(["message_delta", "message_stop"]);
    expect(text).not.toContain("[DONE]");
  });

  test("Gemini: candidates with finishReason on the last, no [DONE]", async () => {
    const data = dataLines(await (await stream(upstream(), "chat-gemini")).text()).map(
      (d) => JSON.parse(d) as { candidates: { finishReason?: string; content: { parts: { text: string }[] } }[] },
    );
    expect(data.map((d) => d.candidates[0]?.content.parts[0]?.text).join("")).toBe("Héllo 日本 🚀 end");
    expect(data.map((d) => d.candidates[0]?.finishReason ?? null)).toEqual([null, null, null, "STOP"]);
  });

  test("upstream hides the job id; client_request_id finds it through E12; documented sends x-job-id", async () => {
    const sim = upstream();
    const res = await stream(sim, "chat-fast", { job_metadata: { client_request_id: "corr-1" } });
    expect(res.headers.get("x-job-id")).toBeNull();
    await res.text();
    const list = (await call(sim, "GET", "/api/teams/team-demo/jobs")).json.jobs as { metadata: { client_request_id?: string }; credit_applied: boolean }[];
    expect(list[0]).toMatchObject({ metadata: { client_request_id: "corr-1" }, credit_applied: true });
    const doc = createSimulator({ seed: 1 });
    const documented = await stream(doc);
    expect(documented.headers.get("x-job-id")).toBe(doc.ledger.jobs()[0]?.jobId);
    await documented.text();
  });
});

describe("E4 llm-call-stream", () => {
  test("upstream: always exactly one context-manager error event, no keepalive", async () => {
    const sim = upstream();
    const id = await createJob(sim);
    const res = await sim.fetch(req("POST", `/api/jobs/${id}/llm-call-stream`, { model: "chat-fast", messages: MSGS }));
    expect(await res.text()).toBe(`data: {"error": "'Response' object does not support the asynchronous context manager protocol"}\n\n`);
    expect(sim.ledger.job(id)).toMatchObject({ status: "IN_PROGRESS" });
    expect(sim.ledger.job(id)?.calls[0]?.error).toContain("context manager");
    expect(sim.ledger.charges()).toBe(0);
  });

  test("documented: streams the reply without completing the job", async () => {
    const sim = createSimulator({ replyText: "a b" });
    const id = await createJob(sim);
    const res = await sim.fetch(req("POST", `/api/jobs/${id}/llm-call-stream`, { model: "chat-fast", messages: MSGS }));
    const text = await res.text();
    expect(text.startsWith("data: ")).toBe(true);
    expect(dataLines(text).at(-1)).toBe("[DONE]");
    expect(sim.ledger.job(id)?.status).toBe("IN_PROGRESS");
  });
});

describe("stream faults", () => {
  test("error event after K chunks: Python-style JSON, no [DONE], job FAILED, nothing charged", async () => {
    const sim = upstream();
    sim.script.next("streamCreateAndCall", { stream: { errorEvent: "500: Failed to call provider API: Client error '429 Too Many Requests' für url", errorAfterChunks: 2 } });
    const text = await (await stream(sim)).text();
    const data = dataLines(text);
    expect(data.at(-1)).toBe(`{"error": "500: Failed to call provider API: Client error '429 Too Many Requests' f\\u00fcr url"}`);
    expect(data).toHaveLength(1 + 2 + 1);
    expect(text).not.toContain("[DONE]");
    expect(sim.ledger.jobs()[0]).toMatchObject({ status: "FAILED", errorMessage: expect.stringContaining("429") });
    expect(sim.ledger.charges()).toBe(0);
  });

  test("error after [DONE] (bookkeeping failure)", async () => {
    const sim = upstream();
    sim.script.next("*", { stream: { errorEvent: { message: "db down", type: "server_error" }, errorAfterDone: true } });
    const data = dataLines(await (await stream(sim)).text());
    expect(data.slice(-2)).toEqual(["[DONE]", `{"error": {"message": "db down", "type": "server_error"}}`]);
    expect(sim.ledger.jobs()[0]?.status).toBe("FAILED");
  });

  test("cut after chunks closes cleanly without an end marker; the job stays IN_PROGRESS", async () => {
    const sim = upstream();
    sim.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 2 } });
    const data = dataLines(await (await stream(sim)).text());
    expect(data).toHaveLength(3);
    expect(sim.ledger.openJobs()).toHaveLength(1);
    expect(sim.ledger.charges()).toBe(0);
  });

  test("cut after bytes can split a multi-byte character", async () => {
    const sim = upstream();
    const full = concat(await chunksOf((await stream(sim)).body));
    const at = Buffer.from(full).indexOf(Buffer.from("日"));
    sim.script.next("streamCreateAndCall", { stream: { cutAfterBytes: at + 1 } });
    const cut = concat(await chunksOf((await stream(sim)).body));
    expect(cut.length).toBe(at + 1);
    expect(cut.at(-1)).toBe(0xe6); // the first of the three bytes of 日
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(cut)).toThrow();
    expect(sim.ledger.jobs()[1]?.status).toBe("IN_PROGRESS");
  });

  test("splitBytes delivers small network chunks; keepalives are interleaved", async () => {
    const sim = upstream();
    sim.script.next("streamCreateAndCall", { stream: { splitBytes: 3, keepalives: 2 } });
    const chunks = await chunksOf((await stream(sim)).body);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(3);
    const text = new TextDecoder().decode(concat(chunks));
    expect(text.match(/: keepalive\n\n/g)).toHaveLength(3);
    expect(dataLines(text).at(-1)).toBe("[DONE]");
  });

  test("reset errors the body after the content", async () => {
    const sim = upstream();
    sim.script.next("streamCreateAndCall", { stream: { reset: true } });
    const reader = (await stream(sim)).body!.getReader();
    let received = "";
    const decoder = new TextDecoder();
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received += decoder.decode(value, { stream: true });
        }
      })(),
    ).rejects.toThrow("terminated");
    expect(received).toContain("🚀");
    expect(received).not.toContain("[DONE]");
  });

  test("client abort mid-stream stops the stream and leaves the job IN_PROGRESS", async () => {
    const sim = upstream({ tokenDelayMs: 20 });
    const controller = new AbortController();
    const res = await stream(sim, "chat-fast", {}, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read().then(() => reader.read())).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((r) => setTimeout(r, 60));
    expect(sim.ledger.jobs()[0]?.status).toBe("IN_PROGRESS");
  });

  test("tokenDelayMs spaces the content events", async () => {
    const sim = upstream();
    sim.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 15 } });
    const started = Date.now();
    await (await stream(sim)).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 15 - 5);
  });
});
