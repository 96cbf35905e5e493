import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, seriousViolations, useStorybook } from "./storybook";

/** Fills the inspector: a retried call, a cut stream and a closed job. */
async function fill(page: Page): Promise<void> {
  const log = page.getByRole("status").filter({ hasText: /Start with|: / }).first();
  for (const [button, done] of [["Open a job", /Open a job: done/], ["Call after a 503", /Retried call: done/], ["Stream, cut after 4 chunks", /Cut stream: /], ["Complete the job", /Complete: done/]] as const) {
    await page.getByRole("button", { name: button }).click();
    await expect.poll(() => log.textContent(), { timeout: 15_000 }).toMatch(done);
  }
}

/** Overlapping pairs among the panel's header controls, controls covered by another element, and overflow. */
function overlaps(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector(".slm-devtools__panel")!;
    const parts = [...panel.querySelectorAll(".slm-devtools__bar > *")].map((el) => ({ name: el.textContent?.slice(0, 30) ?? "", box: el.getBoundingClientRect() }));
    const pairs: string[] = [];
    for (const [i, a] of parts.entries())
      for (const b of parts.slice(i + 1))
        if (a.box.left < b.box.right - 0.5 && b.box.left < a.box.right - 0.5 && a.box.top < b.box.bottom - 0.5 && b.box.top < a.box.bottom - 0.5) pairs.push(`${a.name} × ${b.name}`);
    // Every control in view answers a click at its centre (nothing floats over it).
    const covered = [...panel.querySelectorAll("button, select, [role=separator]")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const inView = r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
        if (!inView) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== el && !el.contains(hit);
      })
      .map((el) => el.getAttribute("aria-label") ?? el.textContent ?? el.tagName);
    const body = panel.querySelector(".slm-devtools__body")!;
    return { pairs, covered, overflow: body.scrollWidth > body.clientWidth + 1 || panel.getBoundingClientRect().right > innerWidth + 0.5, floating: document.querySelectorAll(".slm-devtools__toggle:not([hidden])").length };
  });
}

describe("Devtools panel: one close control, no overlap, the page's theme, Copy JSON says it copied", () => {
  const sb = useStorybook();

  it.each([
    { width: 1280, height: 800 },
    { width: 375, height: 800 },
  ])("$width × $height: nothing overlaps, nothing floats over the lists, one close control", async ({ width, height }) => {
    const page = await sb.open("devtools-saasllmdevtools--walkthrough");
    await page.setViewportSize({ width, height });
    await fill(page);
    const panel = page.getByRole("region", { name: "SaaS LiteLLM devtools" });
    expect(await panel.getByRole("list", { name: "Requests" }).getByRole("listitem").count()).toBeGreaterThan(2);
    expect(await overlaps(page)).toEqual({ pairs: [], covered: [], overflow: false, floating: 0 });
    expect(await page.locator(".slm-devtools").getByRole("button", { name: /close|hide/i }).evaluateAll((els) => els.map((e) => e.textContent))).toEqual(["Close devtools"]);
    await page.screenshot({ path: `${SCREENSHOTS}/devtools-${width}.png` });
    await page.close();
  });

  it.each(["light", "dark"] as const)("follows the page's %s theme (data-theme / color-scheme), axe clean when filled", async (theme) => {
    const page = await sb.open("devtools-saasllmdevtools--walkthrough", { theme });
    await fill(page);
    const colours = await page.locator(".slm-devtools__panel").evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours).toEqual(theme === "dark" ? ["rgb(13, 17, 23)", "rgb(230, 237, 243)"] : ["rgb(255, 255, 255)", "rgb(31, 35, 40)"]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/devtools-page-${theme}.png` });
    await page.close();
  });

  it("Copy JSON puts the redacted entry on the clipboard and says 'Copied' in a live region", async () => {
    const page = await sb.open("devtools-saasllmdevtools--walkthrough");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await fill(page);
    const entry = page.getByRole("list", { name: "Requests" }).getByRole("listitem").filter({ hasText: /^POST llmCall/ });
    await entry.getByRole("button", { name: /as JSON$/ }).click();
    const said = entry.locator(".slm-devtools__copy [role=status]");
    await expect.poll(() => said.textContent()).toBe("Copied");
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { endpoint: string };
    expect(copied.endpoint).toBe("llmCall");
    await page.close();
  });
});
