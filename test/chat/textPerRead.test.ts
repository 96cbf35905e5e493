import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StreamCallOptions } from "../../src/core/streamChat";
import type { Simulator } from "../../src/testing/index";
import { onFakeClock, page, REPLY, run, simulator } from "./chatKit";

vi.mock("react", () => ({}));

let sim: Simulator;
onFakeClock();
beforeEach(() => void (sim = simulator()));

/** A stream body delivered in one network read, as a server that buffers the whole answer writes it. */
async function inOneRead(res: Response): Promise<Response> {
  if (!res.headers.get("content-type")?.includes("event-stream")) return res;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(bytes), c.close()) });
  return new Response(body, { status: res.status, headers: res.headers });
}

/** The page's engine on one-read streams, with the size of every batch of deltas the stream call handed over. */
function pageCountingReads(options: Parameters<typeof page>[1] = {}) {
  const tab = page(sim, options, null, { fetch: async (input, init) => inOneRead(await sim.fetch(new Request(input, init))) });
  const batches: number[] = [];
  const stream = tab.client.streamCreateAndCall;
  tab.client.streamCreateAndCall = (input, opts: StreamCallOptions = {}) =>
    stream(input, { ...opts, onText: opts.onText && ((deltas) => (batches.push(deltas.length), opts.onText?.(deltas))) });
  return { ...tab, batches };
}

describe("text arrives once per network read", () => {
  it("renders a burst of many deltas from one handover, with every delta still given to onToken", async () => {
    const tokens: string[] = [];
    const { engine, batches } = pageCountingReads({ onToken: (t) => tokens.push(t) });
    void engine.send("Hi");
    await run(20_000);
    const answer = engine.getState().messages.at(-1);
    expect(engine.getState().status).toBe("done");
    expect(batches.length).toBe(1);
    expect(batches[0]).toBeGreaterThan(5);
    expect(tokens).toHaveLength(batches[0]!);
    expect(answer?.content).toBe(tokens.join(""));
  });

  it("without onToken, a read's deltas are joined into the answer whole", async () => {
    const { engine, batches } = pageCountingReads();
    void engine.send("Hi");
    await run(20_000);
    expect(batches).toHaveLength(1);
    expect(engine.getState().status).toBe("done");
    expect(engine.getState().messages.at(-1)?.content).toBe(REPLY);
    expect(engine.getState().chunkCount).toBe(batches[0]);
  });

  it("an onToken that stops the answer ends it at that delta, even inside one read", async () => {
    const tokens: string[] = [];
    const { engine, batches } = pageCountingReads({
      onToken: (t) => {
        tokens.push(t);
        if (tokens.length === 2) engine.stop();
      },
    });
    void engine.send("Hi");
    await run(20_000);
    expect(batches[0]).toBeGreaterThan(2);
    expect(engine.getState().status).toBe("stopped");
    expect(tokens).toHaveLength(2);
    expect(engine.getState().messages.at(-1)?.content).toBe(tokens.join(""));
  });
});
