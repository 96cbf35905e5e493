import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Simulator } from "../../src/testing/index";
import { network, page, REPLY, run, simulator, onFakeClock } from "./chatKit";

vi.mock("react", () => ({}));

let sim: Simulator;
onFakeClock();
beforeEach(() => void (sim = simulator()));

const sent = () => sim.requests.filter((r) => r.endpoint === "streamCreateAndCall").length;

describe("offline-aware sending", () => {
  it("a send made offline is held (visible, no request) and sent once when the network is back", async () => {
    const net = network(false);
    const { engine } = page(sim, {}, net.source);
    void engine.send("Hi");
    await run(5_000);
    expect(engine.getState()).toMatchObject({ status: "offline", offline: { since: expect.any(Number), expiresAt: expect.any(Number) }, messages: [{ role: "user", content: "Hi" }] });
    expect(engine.getState().offline!.expiresAt - engine.getState().offline!.since).toBe(60_000);
    expect(sent()).toBe(0);
    net.set(true);
    await run(10_000);
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY, offline: null });
    expect(sent()).toBe(1);
    expect(net.listeners()).toBe(0);
  });

  it("a held send can be cancelled (Stop): nothing is sent, not even after reconnecting", async () => {
    const net = network(false);
    const { engine } = page(sim, {}, net.source);
    void engine.send("Hi");
    await run(1_000);
    engine.stop();
    expect(engine.getState()).toMatchObject({ status: "stopped", reason: "stopped", offline: null, messages: [{ role: "user", content: "Hi" }] });
    net.set(true);
    await run(10_000);
    expect(sent()).toBe(0);
    expect(net.listeners()).toBe(0);
  });

  it("after the window it is dropped with reason 'offline', and stays unsent; retry() sends it deliberately", async () => {
    const net = network(false);
    const onFinish = vi.fn();
    const { engine } = page(sim, { offline: { windowMs: 30_000 }, onFinish }, net.source);
    void engine.send("Hi");
    await run(29_999);
    expect(engine.getState().status).toBe("offline");
    await run(1);
    expect(engine.getState()).toMatchObject({ status: "error", reason: "offline", error: { kind: "network" }, offline: null });
    expect(engine.getState().error?.message).toContain("offline for more than 30 s");
    expect(onFinish).toHaveBeenCalledWith(expect.objectContaining({ reason: "offline", isError: true }));
    net.set(true);
    await run(10_000);
    expect(sent()).toBe(0);
    const retried = engine.retry();
    await run(10_000);
    await retried;
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY });
    expect(sent()).toBe(1);
  });

  it("offline: false sends at once (and the network error is the answer's)", async () => {
    const net = network(false);
    const { engine } = page(sim, { offline: false }, net.source);
    void engine.send("Hi");
    await run(10_000);
    expect(sent()).toBe(1);
    expect(engine.getState().status).toBe("done");
  });

  it("a queued send behind a held one waits its turn; both go out in order when online", async () => {
    const net = network(false);
    const { engine } = page(sim, { whenBusy: "queue" }, net.source);
    void engine.send("first");
    await run(0);
    void engine.send("second");
    await run(1_000);
    expect(engine.getState()).toMatchObject({ status: "offline", queue: [{ text: "second" }] });
    net.set(true);
    await run(20_000);
    expect(engine.getState().messages.map((m) => m.content)).toEqual(["first", REPLY, "second", REPLY]);
    expect(sent()).toBe(2);
  });

  it("a retry that comes due while offline waits for the network, says so, and is sent once back", async () => {
    const net = network(true);
    sim.script.next("streamCreateAndCall", { status: 503, detail: "Service unavailable" });
    const { engine } = page(sim, {}, net.source);
    // The network drops while the client waits to retry the 503.
    engine.subscribe((next) => void (next.status === "retrying" && !next.retrying?.offline && net.set(false)));
    void engine.send("Hi");
    await run(5_000);
    expect(engine.getState()).toMatchObject({ status: "retrying", retrying: { attempt: 2, maxAttempts: 4, offline: true } });
    expect(sent()).toBe(1);
    net.set(true);
    await run(10_000);
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY });
    expect(sent()).toBe(2);
  });

  it("a retry still offline after the window fails with the last error, sending nothing more", async () => {
    const net = network(true);
    sim.script.next("streamCreateAndCall", { status: 503, detail: "Service unavailable" });
    const { engine } = page(sim, { offline: { windowMs: 10_000 } }, net.source);
    engine.subscribe((next) => void (next.status === "retrying" && !next.retrying?.offline && net.set(false)));
    void engine.send("Hi");
    await run(10_100);
    expect(engine.getState()).toMatchObject({ status: "error", error: { kind: "unavailable" } });
    net.set(true);
    await run(10_000);
    expect(sent()).toBe(1);
  });
});
