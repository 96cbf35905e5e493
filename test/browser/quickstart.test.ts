import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quickStartCode, repoRoot, startCommand, type Command } from "../quickstart/quickStart";
import { launchChromium } from "./browser";
import { buildFreshApp, MAIN } from "./freshViteApp";
import { HOST_CSS } from "./hostCss";
import { serveStatic } from "./staticServer";
import { SCREENSHOTS } from "./storybook";

/** The README's Quick start pasted into a fresh Vite app, built, and driven against `saas-litellm-simulator` on its default port. */
describe("a fresh Vite app with the pasted Quick start, against the simulator command", () => {
  let app: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let command: Command | undefined;
  let warnings: string[];
  const errors: string[] = [];
  beforeAll(async () => {
    if (!existsSync(`${repoRoot}dist/index.js`)) throw new Error("dist/ is missing: run `npm run build` (scripts/browser-test.sh does)");
    const built = await buildFreshApp("vite-app", quickStartCode());
    warnings = built.warnings;
    app = await serveStatic(built.dist);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    expect(errors).toEqual([]);
    await command?.stop();
    await browser?.close();
    await app?.close();
  });

  /** Restarts the command with `args` on 4010 (the port the pasted code uses) and opens the app (or `url`). */
  async function open(args: string[], url = app.url): Promise<Page> {
    await command?.stop();
    command = await startCommand(args, 4010);
    const page = await browser.newPage({ colorScheme: "light" });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByRole("button", { name: "Send" }).waitFor();
    return page;
  }

  it("builds without warnings", () => {
    expect(warnings).toEqual([]);
  });

  it("Send streams an answer; a cut offers Retry and Continue, and Continue finishes it", async () => {
    const page = await open(["--fault", 'streamCreateAndCall={"stream":{"cutAfterChunks":4}}']);
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("The connection was lost — the answer is incomplete").waitFor({ timeout: 15_000 });
    const partial = (await page.locator("p").first().textContent()) ?? "";
    expect(partial.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Retry" }).waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.locator(".slm-stream-status").getAttribute("data-status"), { timeout: 15_000 }).toBe("done");
    const full = (await page.locator("p").first().textContent()) ?? "";
    expect(full.startsWith(partial) && full.length > partial.length).toBe(true);
    await page.close();
  });

  it.each([
    { flags: ["--credits", "0"], title: "Out of credits", button: "Add credits", opens: "https://example.com/billing" },
    { flags: ["--status", "suspended"], title: "Team suspended", button: "Contact support", opens: "mailto:support@example.com" },
  ])("$title: one banner, with '$button'", async ({ flags, title, button, opens }) => {
    const page = await open(flags);
    await page.evaluate(() => {
      const opened: string[] = [];
      (window as unknown as { opened: string[] }).opened = opened;
      window.open = (url?: string | URL) => (opened.push(String(url)), null);
    });
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("button", { name: button }).click();
    expect(await page.getByText(title, { exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual([opens]);
    await page.close();
  });

  it("the default reply uses only characters any system font has (no CJK or emoji boxes)", async () => {
    const page = await open([]);
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.locator(".slm-stream-status").getAttribute("data-status"), { timeout: 15_000 }).toBe("done");
    const reply = (await page.locator("p").first().textContent()) ?? "";
    expect(reply).toMatch(/^Voilà! You asked: «Write a haiku about retries»/);
    expect([...reply].filter((c) => c.codePointAt(0)! > 0xff && !"—…".includes(c))).toEqual([]);
    await page.close();
  });

  /** Where the banner's parts sit inside it, and the room before the Send button after it. */
  async function bannerLayout(page: Page) {
    return page.evaluate(() => {
      const banner = document.querySelector(".slm-banner")!;
      const box = banner.getBoundingClientRect();
      const left = box.left + parseFloat(getComputedStyle(banner).borderLeftWidth) + parseFloat(getComputedStyle(banner).paddingLeft);
      // The text's own box (a range), not its block: centred text starts right of the block's edge.
      const textLeft = (sel: string) => {
        const range = document.createRange();
        range.selectNodeContents(banner.querySelector(sel)!);
        return Math.round(range.getBoundingClientRect().left - left);
      };
      const send = [...document.querySelectorAll("button")].find((b) => b.textContent === "Send")!.getBoundingClientRect();
      return {
        align: [getComputedStyle(banner.querySelector(".slm-banner__title")!).textAlign, getComputedStyle(banner.querySelector(".slm-banner__message")!).textAlign],
        title: textLeft(".slm-banner__title"),
        message: textLeft(".slm-banner__message"),
        button: Math.round(banner.querySelector(".slm-banner__actions button")!.getBoundingClientRect().left - left),
        roomBeforeSend: Math.round(send.top - box.bottom),
      };
    });
  }

  it("the banner looks the same under Vite's and Next's starter CSS as on a bare page: text and button aligned, room before Send", async () => {
    const main = `import "./index.css";\n${MAIN}`;
    const layouts: Record<string, Awaited<ReturnType<typeof bannerLayout>>> = {};
    for (const host of ["bare", "vite", "next"] as const) {
      const built = host === "bare" ? { dist: "" } : await buildFreshApp(`vite-app-${host}-css`, quickStartCode(), main, { "index.css": HOST_CSS[host] });
      const hosted = host === "bare" ? app : await serveStatic(built.dist);
      try {
        const page = await open(["--credits", "0"], hosted.url);
        await page.getByRole("button", { name: "Send" }).click();
        await page.getByRole("button", { name: "Add credits" }).waitFor({ timeout: 10_000 });
        layouts[host] = await bannerLayout(page);
        await page.screenshot({ path: `${SCREENSHOTS}/quickstart-${host}-css-out-of-credits.png` });
        await page.close();
      } finally {
        if (hosted !== app) await hosted.close();
      }
    }
    for (const host of ["bare", "vite", "next"]) {
      const l = layouts[host]!;
      expect(l.align, host).toEqual(["start", "start"]);
      // The message and the button start at the banner's content edge; the title after its icon.
      expect([l.message, l.button], host).toEqual([0, 0]);
      expect(l.title, host).toBeGreaterThan(0);
      expect(l.title, host).toBeLessThan(40);
      expect(l.roomBeforeSend, host).toBeGreaterThanOrEqual(8);
    }
    expect(layouts.vite!.title).toBe(layouts.bare!.title);
  }, 120_000);

  it("importing /testing and /testing/msw in a browser build pulls in no Node module", async () => {
    const entry = `import { createSimulator } from "@saas-litellm/react/testing";
import { createSimulatorHandlers } from "@saas-litellm/react/testing/msw";
export default function App() { return <p>{createSimulatorHandlers(createSimulator()).length} handler</p>; }
`;
    const { dist, warnings: testingWarnings } = await buildFreshApp("vite-app-testing", entry);
    expect(testingWarnings).toEqual([]);
    // Vite replaces a Node built-in with a "__vite-browser-external:node:…" stub (and warns in dev): none may be left.
    const bundle = readdirSync(`${dist}/assets`).filter((f) => f.endsWith(".js")).map((f) => readFileSync(`${dist}/assets/${f}`, "utf8")).join("\n");
    expect(bundle).toContain("handler");
    expect(bundle.match(/__vite-browser-external|["']node:[a-z_]+["']/g) ?? []).toEqual([]);
  }, 60_000);
});
