import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Simulator } from "../../src/testing/index";
import { createChatEngine } from "../../src/core/chat/createChatEngine";
import { persistChat } from "../../src/core/chat/persist/chatPersistence";
import { encodeSnapshot } from "../../src/core/chat/persist/chatSnapshot";
import { memoryStorage, page, REPLY, run, simulator, streamThenLeave, onFakeClock } from "./chatKit";

vi.mock("react", () => ({}));

let sim: Simulator;
onFakeClock();
beforeEach(() => void (sim = simulator()));

const answers = () => sim.requests.filter((r) => r.endpoint === "streamCreateAndCall").length;

describe("persist: a reload mid-answer", () => {
  it.each([false, true])("shows the partial as interrupted and sends nothing (async storage: %s)", async (async) => {
    const { first, shown: before, reload } = await streamThenLeave(sim, { async });
    const shown = before.text;
    expect(before.status).toBe("streaming");
    expect(shown.length).toBeGreaterThan(0);
    // The page goes away: nothing more is written or sent from it.
    first.kill();

    const second = reload();
    await run(0);
    const restored = second.engine.getState();
    expect(restored.status).toBe("interrupted");
    expect(restored.reason).toBe("unknown_outcome");
    // Every character written before the reload, at most one write interval behind what was on screen.
    expect(REPLY.startsWith(restored.text)).toBe(true);
    expect(restored.text.length).toBeGreaterThan(0);
    expect(shown.startsWith(restored.text) || restored.text.startsWith(shown)).toBe(true);
    expect(restored.messages).toEqual([
      { role: "user", content: "Tell me a story" },
      { role: "assistant", content: restored.text, interrupted: true, reason: "unknown_outcome" },
    ]);
    expect(restored.clientRequestId).toMatch(/.+/);
    await run(10_000);
    // Nothing was re-sent by itself: still the one answer request, from the first page.
    expect(answers()).toBe(1);
  });

  it("a sync storage restores before the first read (no empty first render); a server render sees the pre-restore state", () => {
    const { storage } = memoryStorage();
    storage.setItem("chat", JSON.stringify({ schema: 1, version: 1, savedAt: 0, messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello" }], text: "Hello", status: "done", reason: null, jobId: null, clientRequestId: null, startedAt: 0 }));
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat" }) });
    expect(engine.getState()).toMatchObject({ status: "done", text: "Hello", messages: [{ content: "Hi" }, { content: "Hello" }] });
    expect(engine.getServerState()).toMatchObject({ status: "idle", messages: [] });
  });

  it("a restore writes nothing back and sends nothing until the chat is mounted (it may run during a render)", async () => {
    const { storage, state } = memoryStorage();
    storage.setItem("chat", JSON.stringify({ schema: 1, version: 1, savedAt: 0, messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hel" }], text: "Hel", status: "streaming", reason: null, jobId: null, clientRequestId: "crid-1", startedAt: 0 }));
    state.writes = 0;
    const client = page(sim).client;
    const engine = createChatEngine(() => client, () => ({ model: "chat-fast", persist: persistChat({ storage, key: "chat" }) }));
    expect(engine.getState()).toMatchObject({ status: "interrupted", text: "Hel", outcome: { status: "checking" } });
    await run(5_000);
    expect(state.writes).toBe(0);
    expect(sim.requests).toHaveLength(0);
    engine.subscribe(() => undefined);
    await run(1_000);
    expect(sim.requests.map((r) => r.endpoint)).toEqual(["listTeamJobs"]);
    expect(engine.getState().outcome).toEqual({ status: "not_charged", jobId: null, closedByClient: false });
  });

  it("retry() after a restore sends the last prompt once (with consent: the old page's answer was completed and charged)", async () => {
    const { first, reload } = await streamThenLeave(sim);
    first.kill();
    const second = reload();
    await run(5_000);
    expect(second.engine.getState().outcome).toMatchObject({ status: "charged" });
    const retried = second.engine.retry({ chargeAgain: true });
    await run(10_000);
    await retried;
    expect(second.engine.getState()).toMatchObject({ status: "done", text: REPLY });
    expect(answers()).toBe(2);
    const sent = sim.requests.filter((r) => r.endpoint === "streamCreateAndCall").map((r) => (r.body as { messages: unknown[] }).messages);
    expect(sent[1]).toEqual([{ role: "user", content: "Tell me a story" }]);
  });
});

describe("persist: schema, size and failures never break the chat", () => {
  it("a chat stored under another version is not restored", () => {
    const { storage } = memoryStorage();
    storage.setItem("chat", JSON.stringify({ schema: 1, version: 1, savedAt: 0, messages: [{ role: "user", content: "Hi" }], text: "", status: "done", reason: null, jobId: null, clientRequestId: null, startedAt: 0 }));
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat", version: 2 }) });
    expect(engine.getState()).toMatchObject({ status: "idle", messages: [] });
  });

  it("over maxChars the oldest messages are dropped; the newest stay", async () => {
    const { storage, data } = memoryStorage();
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat", maxChars: 700 }) });
    for (const prompt of ["first question", "second question", "third question"]) {
      void engine.send(prompt);
      await run(10_000);
    }
    const stored = JSON.parse(data.get("chat")!) as { messages: { content: string }[] };
    expect(data.get("chat")!.length).toBeLessThanOrEqual(700);
    expect(stored.messages.at(-1)).toEqual({ role: "assistant", content: REPLY });
    expect(stored.messages.at(-2)).toEqual({ role: "user", content: "third question" });
    expect(stored.messages.some((m) => m.content === "first question")).toBe(false);
  });

  it("the cap is exact: a chat of exactly maxChars is kept whole, one character less drops the oldest message", () => {
    const snapshot = { messages: [{ role: "user", content: "é first \"quoted\"" }, { role: "assistant", content: "second" }, { role: "user", content: "third" }], text: "", status: "done" as const, reason: null, jobId: null, clientRequestId: null, startedAt: 1 };
    const whole = encodeSnapshot(snapshot, 1, 1_000_000, 5)!;
    expect(encodeSnapshot(snapshot, 1, whole.length, 5)).toBe(whole);
    const trimmed = JSON.parse(encodeSnapshot(snapshot, 1, whole.length - 1, 5)!) as { messages: { content: string }[] };
    expect(trimmed.messages.map((m) => m.content)).toEqual(["second", "third"]);
    expect(encodeSnapshot(snapshot, 1, 10, 5)).toBeNull();
  });

  it("a full storage (quota) is reported and the answer still arrives", async () => {
    const { storage, state } = memoryStorage();
    state.failWrites = true;
    const onError = vi.fn();
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat", onError }) });
    void engine.send("Hi");
    await run(10_000);
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ operation: "save", reason: "storage" }));
  });

  it("an unreadable storage (private mode) is reported and the chat starts empty", async () => {
    const { storage, state } = memoryStorage({ async: true });
    state.failReads = true;
    const onError = vi.fn();
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat", onError }) });
    await run(0);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ operation: "load", reason: "storage" }));
    void engine.send("Hi");
    await run(10_000);
    expect(engine.getState()).toMatchObject({ status: "done", text: REPLY });
  });

  it.each(["{not json", JSON.stringify({ schema: 1, version: 1, messages: "nope" }), "null"])("corrupt data (%s) is reported, removed and ignored", (raw) => {
    const { storage, data } = memoryStorage();
    data.set("chat", raw);
    const onError = vi.fn();
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat", onError }) });
    expect(engine.getState().status).toBe("idle");
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ operation: "load", reason: "corrupt" }));
    expect(data.has("chat")).toBe(false);
  });

  it("a send made before an async storage answered wins: the stored chat is not laid over it", async () => {
    const { storage, data } = memoryStorage({ async: true });
    data.set("chat", JSON.stringify({ schema: 1, version: 1, savedAt: 0, messages: [{ role: "user", content: "old" }], text: "", status: "done", reason: null, jobId: null, clientRequestId: null, startedAt: 0 }));
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat" }) });
    void engine.send("new");
    await run(10_000);
    expect(engine.getState().messages.map((m) => m.content)).toEqual(["new", REPLY]);
  });

  it("reset() removes the stored chat", async () => {
    const { storage, data } = memoryStorage();
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat" }) });
    void engine.send("Hi");
    await run(10_000);
    expect(data.has("chat")).toBe(true);
    engine.reset();
    expect(data.has("chat")).toBe(false);
  });

  it("writes while streaming are batched: at most one per writeEveryMs", async () => {
    const { storage, state } = memoryStorage();
    const { engine } = page(sim, { persist: persistChat({ storage, key: "chat", writeEveryMs: 1000 }) });
    void engine.send("Hi");
    await run(10_000);
    expect(engine.getState().chunkCount).toBeGreaterThan(10);
    // The answer took about 20 ms per chunk: a write a second, plus the send and the settled state.
    const seconds = Math.ceil((engine.getState().timing?.durationMs ?? 0) / 1000);
    expect(state.writes).toBeLessThanOrEqual(seconds + 2);
  });
});
