import { describe, expect, it } from "vitest";
import { isSaaSLLMError } from "../../../src/index";
import { dataOf, direct, MESSAGES, onFakeClock, streamRequest, THIRTEEN } from "./kit";

const CUT = "500: Failed to call provider API: peer closed connection without sending complete message body (incomplete chunked read)";

describe("§2 A provider failure never yields partial text", () => {
  it("§2 a cut provider stream is `: keepalive`, one error event and a clean close; the job is FAILED with that error_message, no charge", async () => {
    const { sim } = direct({ replyText: THIRTEEN, tokenDelayMs: 150 });
    sim.provider.next({ cutAfterChunks: 5 });
    const { value: text, elapsedMs } = await onFakeClock(async () => (await sim.fetch(streamRequest())).text());
    expect(text).toBe(`: keepalive\n\ndata: {"error": "${CUT}"}\n\n`);
    expect(elapsedMs).toBe(5 * 150);
    const [job] = sim.ledger.jobs();
    expect(job).toMatchObject({ status: "FAILED", errorMessage: CUT, creditApplied: false });
    expect(sim.ledger.charges()).toBe(0);
  });

  it("§2 the live preset shows the cut with partial text, then the same error event", async () => {
    const { sim } = direct({ preset: "live", replyText: THIRTEEN });
    sim.provider.next({ cutAfterChunks: 5 });
    const data = dataOf(await (await sim.fetch(streamRequest())).text());
    expect(data).toHaveLength(1 + 5 + 1);
    expect(JSON.parse(data.at(-1)!)).toEqual({ error: CUT });
    expect(sim.ledger.jobs()[0]?.status).toBe("FAILED");
  });

  it.each([429, 401] as const)("§2 a provider %i on a stream is `: keepalive` then the error event, with no role chunk before it", async (status) => {
    const { sim } = direct({ models: { "chat-gemini": { provider: "gemini" } } });
    sim.provider.next({ status });
    const text = await (await sim.fetch(streamRequest({ model: "chat-gemini" }))).text();
    expect(text.startsWith(": keepalive\n\n")).toBe(true);
    const data = dataOf(text);
    expect(data).toHaveLength(1);
    expect(JSON.parse(data[0]!).error).toMatch(new RegExp(`^500: Failed to call provider API: Client error '${status} `));
    expect(sim.ledger.jobs()[0]).toMatchObject({ status: "FAILED", creditApplied: false });
  });

  it("§2 consequence: a stream_error before the first token is retried, each retry a new job and a provider call, all visible and within the budget", async () => {
    const { sim, client, events } = direct();
    sim.provider.next({ status: 429 }, { times: 10 });
    const opened: Array<{ attempt: number; clientRequestId?: string }> = [];
    const { error, elapsedMs } = await onFakeClock(() => client.streamCreateAndCall({ model: "chat-fast", messages: MESSAGES }, { onOpen: (o) => opened.push(o) }));
    expect(isSaaSLLMError(error) && error.kind).toBe("stream_error");
    expect(sim.requestsTo("streamCreateAndCall")).toHaveLength(4);
    expect(sim.provider.requests()).toHaveLength(4);
    expect(elapsedMs).toBe(1000 + 2000 + 4000);
    // Every attempt is visible: its number, and the correlation id that finds its job.
    expect(opened.map((o) => o.attempt)).toEqual([1, 2, 3, 4]);
    const jobs = sim.ledger.jobs().map((j) => [j.metadata?.client_request_id, j.metadata?.client_attempt, j.status]);
    expect(jobs).toEqual([1, 2, 3, 4].map((n) => [opened[0]?.clientRequestId, n, "FAILED"]));
    expect(events.filter((e) => e.type === "retry")).toHaveLength(3);

    const small = direct({}, { retry: { maxUpstreamCalls: 2 } });
    small.sim.provider.next({ status: 429 }, { times: 10 });
    await onFakeClock(() => small.client.streamCreateAndCall({ model: "chat-fast", messages: MESSAGES }));
    expect(small.sim.provider.requests()).toHaveLength(2);
    expect(small.sim.ledger.jobs()).toHaveLength(2);
  });
});
