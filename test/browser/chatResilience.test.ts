import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useStorybook } from "./storybook";

const ID = "hooks-usechatstream-resilience";

describe("useChatStream resilience, in Chromium against the simulator", () => {
  const sb = useStorybook();
  const live = (page: Page) => page.locator(".slm-stream-status__text").textContent();
  const log = (page: Page) => page.getByTestId("server-log").textContent();
  const answer = async (page: Page) => (await page.getByTestId("answer").textContent()) ?? "";

  it.each([
    ["reload-mid-answer", "localStorage"],
    ["reload-mid-answer-indexed-db", "IndexedDB"],
  ])("%s: a real page reload mid-answer shows the partial as interrupted and sends nothing (%s)", async (story) => {
    const page = await sb.open(`${ID}--${story}`);
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByRole("button", { name: "Send" }).click();
    // Reload once a throttled write (every 200 ms) has stored part of the answer, while it still streams.
    await expect.poll(async () => (await answer(page)).length, { timeout: 15_000 }).toBeGreaterThan(160);
    expect(await live(page)).toBe("Streaming…");
    await page.reload();
    await page.waitForSelector("[data-testid=answer]");
    // The unload's own cut (Chromium settles it as a network cut) is not stored after pagehide: the reload shows
    // the answer as it was, of unknown outcome, and looks its job up before anything else.
    await expect.poll(() => live(page), { timeout: 10_000 }).toBe("The answer did not arrive — the server may still have finished it. Not charged — the server did not finish this answer");
    expect((await answer(page)).length).toBeGreaterThan(100);
    expect(await page.getByRole("button", { name: "Retry" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Continue" }).isVisible()).toBe(true);
    // The reloaded page's simulator saw its one job lookup and no answer request (the fake-clock unit tests
    // prove that none follows later).
    await expect.poll(() => log(page)).toBe("answers sent: 0 · job lookups: 1 · jobs closed: 0");
    expect(sb.errors(page)).toEqual([]);
  });

  it("charged while away: says so, and only 'Send again (charged again)' re-sends", async () => {
    const page = await sb.open(`${ID}--charged-while-away`);
    await expect.poll(() => live(page), { timeout: 20_000 }).toContain("The server finished this answer and charged it, but its text was lost");
    expect(await page.getByRole("button", { name: "Retry" }).count()).toBe(0);
    await page.getByRole("button", { name: "Send again (charged again)" }).click();
    await expect.poll(() => live(page), { timeout: 30_000 }).toBe("");
    expect(await page.getByTestId("meta").textContent()).toContain("status: done");
    expect(await log(page)).toMatch(/^answers sent: 2 /);
  });

  it("offline (the browser's own offline event): the send is held with a countdown, then sent once online", async () => {
    const page = await sb.open(`${ID}--offline`);
    await page.context().setOffline(true);
    try {
      await expect.poll(() => page.getByTestId("meta").textContent()).toContain("network: offline");
      await page.getByRole("button", { name: "Send" }).click();
      await expect.poll(() => live(page)).toMatch(/^Offline — it will be sent when the network is back \(held (60|59) s more\)$/);
      expect(await page.getByRole("button", { name: "Cancel" }).isVisible()).toBe(true);
      expect(await log(page)).toBe("answers sent: 0 · job lookups: 0 · jobs closed: 0");
    } finally {
      await page.context().setOffline(false);
    }
    await expect.poll(() => page.getByTestId("meta").textContent(), { timeout: 30_000 }).toContain("status: done");
    expect(await log(page)).toMatch(/^answers sent: 1 /);
  });

  it("offline Cancel drops the held send", async () => {
    const page = await sb.open(`${ID}--offline`);
    await page.getByRole("button", { name: "Go offline" }).click();
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await live(page)).toBe("Stopped — the answer is incomplete");
    await page.getByRole("button", { name: "Go online" }).click();
    expect(await page.getByTestId("meta").textContent()).toContain("status: stopped");
    expect(await log(page)).toBe("answers sent: 0 · job lookups: 0 · jobs closed: 0");
  });

  it("a timeout on the buffering server is not retried by itself; the server finishes the generation and charges it, and the screen says so", async () => {
    const page = await sb.open(`${ID}--timeout-unknown-outcome`);
    await page.getByRole("button", { name: "Send" }).click();
    // The shipped server runs the abandoned generation to its end and charges it (upstream-behaviour §5): the
    // client watches the job instead of closing it, and reports the charge the server made.
    await expect.poll(() => live(page), { timeout: 30_000 }).toBe("The answer did not arrive — the server may still have finished it. The server finished this answer and charged it, but its text was lost");
    expect(await log(page)).toMatch(/^answers sent: 1 · /);
    expect(await page.getByRole("alert").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Send again (charged again)" }).isVisible()).toBe(true);
  });

  it("whenBusy queue: a follow-up waits in a visible queue, can be cancelled, and otherwise goes out after the answer", async () => {
    const page = await sb.open(`${ID}--queue`);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByRole("button", { name: "Send a follow-up" }).click();
    await page.getByRole("button", { name: "Send a follow-up" }).click();
    const queued = page.getByRole("list", { name: "Queued sends" }).getByRole("listitem");
    expect(await queued.count()).toBe(2);
    await page.getByRole("button", { name: "Cancel “And what about jitter?”" }).first().click();
    expect(await queued.count()).toBe(1);
    await expect.poll(() => page.getByTestId("meta").textContent(), { timeout: 60_000 }).toMatch(/status: done · messages: 4 /);
    expect(await log(page)).toMatch(/^answers sent: 2 /);
  });

  it("whenBusy reject: a follow-up while answering is dropped and the answer goes on", async () => {
    const page = await sb.open(`${ID}--reject`);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByRole("button", { name: "Send a follow-up" }).click();
    await expect.poll(() => page.getByTestId("meta").textContent(), { timeout: 30_000 }).toMatch(/status: done · messages: 2 /);
    expect(await log(page)).toMatch(/^answers sent: 1 /);
  });
});
