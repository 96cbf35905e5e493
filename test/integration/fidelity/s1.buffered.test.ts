import { describe, expect, it } from "vitest";
import type { ClientEvent } from "../../../src/index";
import { dataOf, direct, MESSAGES, onFakeClock, streamRequest, THIRTEEN, timeline } from "./kit";

// upstream-behaviour §1: a provider taking 150 ms per chunk for 13 chunks.
const SLOW = { replyText: THIRTEEN, tokenDelayMs: 150 };

describe("§1 Streams are buffered", () => {
  it("§1 create-and-call-stream sends `: keepalive` at once, then every data event in one burst once the provider has finished", async () => {
    const { sim } = direct(SLOW);
    const { value: chunks } = await onFakeClock(async () => {
      const start = Date.now();
      const res = await sim.fetch(streamRequest());
      return timeline(res.body, start);
    });
    expect(chunks?.[0]).toEqual({ at: 0, text: ": keepalive\n\n" });
    const data = chunks!.slice(1);
    expect(dataOf(data.map((c) => c.text).join(""))).toHaveLength(1 + 13 + 2); // role chunk, 13 tokens, stop, [DONE]
    expect(new Set(data.map((c) => c.at))).toEqual(new Set([13 * 150]));
  });

  it("§1 time to first token equals the whole generation time on upstream (the live preset streams token by token)", async () => {
    const firstToken = async (preset: "upstream" | "live") => {
      const { client, events } = direct({ ...SLOW, preset });
      const { value } = await onFakeClock(() => client.streamCreateAndCall({ model: "chat-fast", messages: MESSAGES }));
      expect(value?.text).toBe(THIRTEEN);
      return events.find((e): e is Extract<ClientEvent, { type: "first-token" }> => e.type === "first-token")?.latencyMs;
    };
    expect(await firstToken("upstream")).toBe(13 * 150);
    expect(await firstToken("live")).toBe(150);
  });

  it("§1 the idle timeout covers the whole generation: keepalive then 130 s of silence is not a stall", async () => {
    const { client, sim } = direct({ replyText: THIRTEEN, tokenDelayMs: 10_000 });
    const { value, elapsedMs } = await onFakeClock(() => client.streamCreateAndCall({ model: "chat-fast", messages: MESSAGES }));
    expect(value?.text).toBe(THIRTEEN);
    expect(elapsedMs).toBe(130_000);
    expect(sim.requestsTo("streamCreateAndCall")).toHaveLength(1);
  });
});
