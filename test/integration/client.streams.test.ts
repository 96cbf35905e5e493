import { describe, expect, it, vi } from "vitest";
import type { SaaSLLMError } from "../../src/index";
import { failureOf as fail, useSimulatorServer, user } from "../helpers";

const REPLY = "Ünïcødé ok — 東京は晴れ 🌤️ and 🇫🇷 café. Fin.";

describe.each(["documented", "upstream"] as const)("streams over HTTP, %s preset", (preset) => {
  const sim = useSimulatorServer({ preset, replyText: REPLY });
  const stream = (fault?: Parameters<typeof sim.simulator.script.next>[1], model = "chat-fast") => {
    if (fault) sim.simulator.script.next("streamCreateAndCall", fault);
    const deltas: string[] = [];
    const p = sim.client({ retry: false }).streamCreateAndCall({ model, messages: user("go") }, { onEvent: (e) => e.type === "text" && deltas.push(e.text) });
    return { p, deltas };
  };

  it("a complete stream gives the exact reply in every provider shape", async () => {
    for (const model of ["chat-fast", "chat-claude", "chat-gemini"]) {
      expect((await stream(undefined, model).p).text).toBe(REPLY);
    }
  });

  it("keepalive comments and network chunks that split characters change nothing", async () => {
    const { p } = stream({ stream: { keepalives: 3, splitBytes: 3 } });
    expect((await p).text).toBe(REPLY);
  });

  it("cut at a chunk boundary keeps exactly the delivered chunks", async () => {
    const { p, deltas } = stream({ stream: { cutAfterChunks: 4 } });
    const error = await fail(p);
    expect(error.kind).toBe("stream_interrupted");
    expect(error.retryable).toBe(true);
    expect(deltas).toHaveLength(4);
    expect(error.partialText).toBe(deltas.join(""));
    expect(REPLY.startsWith(error.partialText!)).toBe(true);
  });

  it("cut at every byte offset: the partial text is always a clean prefix of the reply", async () => {
    const full = await stream().p;
    expect(full.text).toBe(REPLY);
    for (let bytes = 1; bytes < 2600; bytes += 37) {
      const result = await stream({ stream: { cutAfterBytes: bytes } }).p.then(
        (r) => r.text,
        (e: SaaSLLMError) => (expect(e.kind).toBe("stream_interrupted"), e.partialText!),
      );
      expect(REPLY.startsWith(result)).toBe(true);
      expect(result).not.toContain("\uFFFD");
    }
  });

  it("a reset socket mid-stream is an interruption with the partial text", async () => {
    const { p, deltas } = stream({ stream: { cutAfterChunks: 3, reset: true } });
    const error = await fail(p);
    expect(error.kind).toBe("stream_interrupted");
    expect(error.partialText).toBe(deltas.join(""));
  });

  it("an error event mid-stream is a stream_error with the partial text; a provider 429 is retryable", async () => {
    const { p, deltas } = stream({ stream: { errorAfterChunks: 2, errorEvent: "500: Failed to call provider API: Client error '429 Too Many Requests' for url 'https://api.openai.com/v1/chat/completions?key=sk-live-secret-999'" } });
    const error = await fail(p);
    expect(error.kind).toBe("stream_error");
    expect(error.retryable).toBe(true);
    expect(error.partialText).toBe(deltas.join(""));
    expect(JSON.stringify(error) + error.message).not.toContain("sk-live-secret-999");
  });

  it("an error event after [DONE] still fails the stream", async () => {
    const error = await fail(stream({ stream: { errorAfterDone: true, errorEvent: "database is down" } }).p);
    expect(error.kind).toBe("stream_error");
    expect(error.partialText).toBe(REPLY);
  });

  it("missing provider credentials is permanent: not retryable", async () => {
    const error = await fail(stream({ stream: { errorEvent: "500: No provider credentials configured for openai. Please add credentials in the admin dashboard." } }).p);
    expect(error).toMatchObject({ kind: "stream_error", retryable: false, partialText: "" });
  });

  it("retries before the first token, never after", async () => {
    sim.simulator.script.next("streamCreateAndCall", { status: 503, detail: "busy" });
    const ok = await sim.client({ retry: { delay: () => 5 } }).streamCreateAndCall({ model: "chat-fast", messages: user("go") });
    expect(ok.text).toBe(REPLY);
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(2);

    sim.simulator.clearRequests();
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 2 } });
    const error = await fail(sim.client({ retry: { delay: () => 5 } }).streamCreateAndCall({ model: "chat-fast", messages: user("go") }));
    expect(error.kind).toBe("stream_interrupted");
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(1);
  });

  it("a retry after a cut before the first token closes the job the abandoned attempt left open", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterBytes: 5 } });
    const result = await sim.client({ retry: { delay: () => 5 } }).streamCreateAndCall({ model: "chat-fast", messages: user("go") });
    expect(result).toMatchObject({ text: REPLY, attempts: 2 });
    await vi.waitFor(() => expect(sim.simulator.ledger.openJobs()).toEqual([]));
    const jobs = sim.simulator.ledger.jobs().map((j) => `${String(j.metadata?.client_attempt)} ${j.status}`).sort();
    expect(jobs).toEqual(["1 FAILED", "2 COMPLETED"]);
    expect(sim.simulator.ledger.charges()).toBe(1);
  });

  it("the idle timeout turns a stalled live stream into an interruption, but not a buffered server's generation", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 150 } });
    const run = sim.client({ retry: false, streamIdleTimeoutMs: 60 }).streamCreateAndCall({ model: "chat-fast", messages: user("go") });
    // upstream: `: keepalive`, then silence while the provider generates, then the whole answer (upstream-behaviour §1).
    if (preset === "upstream") expect((await run).text).toBe(REPLY);
    else expect((await fail(run)).kind).toBe("stream_interrupted");
  });

  it("E4 in a job: upstream always ends in the context-manager error; documented streams", async () => {
    const client = sim.client({ retry: false });
    const { job_id } = await client.createJob({ job_type: "chat" });
    const run = client.streamLLMCall(job_id, { model: "chat-fast", messages: user("go") });
    if (preset === "upstream") expect(await fail(run)).toMatchObject({ kind: "stream_error", retryable: false });
    else expect((await run).text).toBe(REPLY);
  });
});
