// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { persistChat } from "../../src/core/chat/persist/chatPersistence";
import { memoryStorage, onFakeClock, page, run, simulator } from "./chatKit";

vi.mock("react", () => ({}));
onFakeClock();

describe("persist: the page goes away (pagehide)", () => {
  it("what was on screen at pagehide is what survives: the cut the unload causes is not written, so the reload says 'did not arrive', not 'connection lost'", async () => {
    const sim = simulator();
    const { storage } = memoryStorage();
    const options = { storage, key: "chat", writeEveryMs: 100 };
    const first = page(sim, { persist: persistChat(options) });
    void first.engine.send("Tell me a story");
    await run(300);
    expect(first.engine.getState().status).toBe("streaming");
    window.dispatchEvent(new Event("pagehide"));
    // The browser then cuts the page's stream (Chromium settles it as a network cut): nothing of it is stored.
    first.engine.stop();
    await run(100);
    expect(first.engine.getState().status).toBe("stopped");
    first.kill();
    const second = page(sim, { persist: persistChat(options) });
    expect(second.engine.getState()).toMatchObject({ status: "interrupted", reason: "unknown_outcome", outcome: { status: "checking" } });
  });

  it("a page that comes back (pageshow, the back-forward cache) writes again", async () => {
    const sim = simulator();
    const { storage, data } = memoryStorage();
    const first = page(sim, { persist: persistChat({ storage, key: "chat", writeEveryMs: 100 }) });
    void first.engine.send("Tell me a story");
    await run(300);
    window.dispatchEvent(new Event("pagehide"));
    window.dispatchEvent(new Event("pageshow"));
    await run(10_000);
    expect(first.engine.getState().status).toBe("done");
    expect(JSON.parse(data.get("chat")!)).toMatchObject({ status: "done" });
    first.kill();
  });
});
