import { describe, expect, it } from "vitest";
import { useStorybook } from "./storybook";

describe("StreamStatus: the retry wait and the reason, live against the simulator", () => {
  const sb = useStorybook();

  it("a 429 before the first token counts down 'Retrying in N s (2 of 4)' in the live region, with Stop", async () => {
    const page = await sb.open("components-streamstatus--retrying");
    await expect.poll(() => page.locator(".slm-stream-status").getAttribute("data-status"), { timeout: 15_000 }).toBe("retrying");
    const live = page.getByRole("status");
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toMatch(/^Retrying in \d+ s \(2 of 4\)$/);
    expect(await live.getAttribute("aria-live")).toBe("polite");
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => live.textContent()).toBe("Stopped — the answer is incomplete");
  });

  it("a cut says why the answer is incomplete", async () => {
    const page = await sb.open("components-streamstatus--interrupted");
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 15_000 }).toBe("The connection was lost — the answer is incomplete");
  });
});
