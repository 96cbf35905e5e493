import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchChromium } from "./browser";
import { serveStatic } from "./staticServer";

export const STATIC_DIR = join(process.cwd(), "storybook-static");
export const SCREENSHOTS = join(process.cwd(), "test-results", "screenshots");

/** The built Storybook's stories (not docs pages), from its index.json. */
export function storyIds(): string[] {
  const index = JSON.parse(readFileSync(join(STATIC_DIR, "index.json"), "utf8")) as { entries: Record<string, { id: string; type: string }> };
  return Object.values(index.entries).filter((e) => e.type === "story").map((e) => e.id);
}

/** Starts the static server and Chromium for one test file; `open(id)` renders one story in its own page. */
export function useStorybook() {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let context: BrowserContext;
  const pageErrors = new WeakMap<Page, string[]>();
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, "index.json"))) throw new Error("storybook-static is missing: run `npm run test:browser` (it builds Storybook first)");
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await serveStatic(STATIC_DIR);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light", reducedMotion: "reduce" });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });
  return {
    /** Uncaught errors of a page opened with `open`. */
    errors: (page: Page): string[] => pageErrors.get(page) ?? [],
    /** Opens a story in a new page (in the toolbar's light or dark theme) and waits until it rendered. */
    async open(id: string, { theme = "light" }: { theme?: "light" | "dark" } = {}): Promise<Page> {
      const page = await context.newPage();
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on("pageerror", (e) => errors.push(`${id}: ${e.message}`));
      await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`);
      await page.waitForFunction(() => (document.querySelector("#storybook-root")?.childElementCount ?? 0) > 0 || document.body.classList.contains("sb-show-errordisplay"));
      expect(await page.evaluate(() => document.body.classList.contains("sb-show-errordisplay")), `story ${id} failed to render`).toBe(false);
      return page;
    },
    /** Opens a docs page (autodocs or MDX) in a new page. */
    async openDocs(id: string): Promise<Page> {
      const page = await context.newPage();
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on("pageerror", (e) => errors.push(`${id}: ${e.message}`));
      await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=docs`);
      return page;
    },
    async screenshot(page: Page, name: string): Promise<void> {
      await page.locator("#storybook-root").screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: "disabled" });
    },
  };
}

/** Axe on the story root; returns the serious and critical violations (ids and the first offending nodes). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include("#storybook-root").analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}
