import { describe, expect, it } from "vitest";
import { CHAT, postJson, useProxy } from "./proxyFixture";

const STREAM = "/api/jobs/create-and-call-stream";

/** Reads the body until it holds one SSE content event (`data: ` line). */
async function firstEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes("\n\n")) {
    const { done, value } = await reader.read();
    if (done) throw new Error("stream ended before its first event");
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

/** Resolves once the simulator's side of request `i` is aborted (the socket close travels asynchronously). */
const upstreamAborted = (signals: AbortSignal[], i = 0) =>
  new Promise<void>((resolve) => {
    const signal = signals[i]!;
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });

describe("createSaaSLLMProxy streams", () => {
  // 40 ms between tokens: a reply of dozens of tokens is still streaming long after its first event.
  const ctx = useProxy({}, 40);

  it("events arrive through the proxy while the simulator is still sending (no buffering)", async () => {
    const res = await postJson(`${ctx.baseUrl}${STREAM}`, CHAT);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    expect(await firstEvent(reader)).toContain("data: ");
    // The job is still open upstream: the stream has not finished, yet its first event is here.
    expect(ctx.simulator.ledger.openJobs()).toHaveLength(1);
    while (!(await reader.read()).done);
    expect(ctx.simulator.ledger.openJobs()).toHaveLength(0);
  });

  it("a browser disconnect aborts the upstream request", async () => {
    const res = await postJson(`${ctx.baseUrl}${STREAM}`, CHAT);
    const reader = res.body!.getReader();
    await firstEvent(reader);
    expect(ctx.upstreamSignals[0]?.aborted).toBe(false);
    await reader.cancel(); // the browser closes the connection mid-stream
    await upstreamAborted(ctx.upstreamSignals);
    expect(ctx.simulator.ledger.openJobs()).toHaveLength(1); // cut before [DONE]: the job stays open upstream, as on the real server
  });
});

describe("createSaaSLLMProxy timeouts", () => {
  const ctx = useProxy({ timeoutMs: 50, streamIdleTimeoutMs: 50 }, 5_000);

  it("a server that does not answer in time gets a 504 and the upstream request is aborted", async () => {
    ctx.simulator.script.next("createJob", { delayMs: 60_000 });
    const res = await postJson(`${ctx.baseUrl}/api/jobs/create`, { team_id: CHAT.team_id, job_type: "chat" });
    expect(res.status).toBe(504);
    await upstreamAborted(ctx.upstreamSignals);
  });

  it("a stream silent for longer than the idle limit is cut and the upstream request aborted", async () => {
    const res = await postJson(`${ctx.baseUrl}${STREAM}`, CHAT);
    const reader = res.body!.getReader();
    await expect((async () => { while (!(await reader.read()).done); })()).rejects.toThrow();
    await upstreamAborted(ctx.upstreamSignals);
  });
});
