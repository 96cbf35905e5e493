import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Simulator } from "../../src/testing/index";
import { onFakeClock, page, run, simulator } from "./chatKit";

vi.mock("react", () => ({}));

let sim: Simulator;
onFakeClock();
beforeEach(() => void (sim = simulator()));

describe("what is sent again", () => {
  it("retry and continue send plain messages: the chat's own marks (interrupted, reason) never reach the server", async () => {
    sim.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 3 } });
    const { engine } = page(sim);
    void engine.send("Hi");
    await run(10_000);
    expect(engine.getState().messages.at(-1)).toMatchObject({ role: "assistant", interrupted: true, reason: "network" });
    void engine.send("And then?");
    await run(10_000);
    const bodies = sim.requests.filter((r) => r.endpoint === "streamCreateAndCall").map((r) => (r.body as { messages: Record<string, unknown>[] }).messages);
    expect(bodies).toHaveLength(2);
    for (const message of bodies[1]!) expect(Object.keys(message).sort()).toEqual(["content", "role"]);
  });
});
