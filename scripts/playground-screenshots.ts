/**
 * `npx tsx scripts/playground-screenshots.ts` (after `npm run build-storybook`): rewrites
 * docs/playground-light.png and docs/playground-dark.png. The same session in each theme: one answer,
 * a second answer cut mid-stream (Retry / Continue), then a send that meets an empty credit balance.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/browser/browser";
import { serveStatic } from "../test/browser/staticServer";

const server = await serveStatic(join(process.cwd(), "storybook-static"));
const browser = await launchChromium();

async function session(page: Page): Promise<void> {
  const status = () => page.locator(".slm-stream-status").getAttribute("data-status");
  const until = async (want: string) => {
    for (let i = 0; i < 150 && (await status()) !== want; i++) await page.waitForTimeout(100);
  };
  const send = async (text: string) => {
    await page.getByLabel("Message", { exact: true }).fill(text);
    await page.getByRole("button", { name: "Send" }).click();
  };
  await page.getByRole("button", { name: "Send" }).click();
  await until("done");
  await page.getByLabel("Fault").selectOption("interrupted");
  await page.getByRole("button", { name: "Apply to next answer" }).click();
  await send("And when the stream is cut?");
  await until("interrupted");
  await page.getByLabel("Fault").selectOption("out-of-credits");
  await page.getByRole("button", { name: "Apply to next answer" }).click();
  await send("One more, please");
  await until("error");
  await page.getByRole("button", { name: "Add credits" }).waitFor();
  await page.getByTestId("credits").getByText("0 remaining — out").waitFor({ timeout: 10_000 });
}

try {
  for (const theme of ["light", "dark"] as const) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, reducedMotion: "reduce" });
    await page.goto(`${server.url}/iframe.html?id=playground--chat-app&viewMode=story&globals=theme:${theme}`);
    await page.getByRole("button", { name: "Send" }).waitFor();
    await session(page);
    await page.screenshot({ path: join("docs", `playground-${theme}.png`), animations: "disabled" });
    await page.close();
    console.log(`docs/playground-${theme}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
