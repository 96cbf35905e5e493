import { describe, it } from "vitest";
import { seriousViolations, storyIds, useStorybook } from "./storybook";

describe.concurrent.each(["light", "dark"] as const)("axe (%s theme): no serious or critical violations in any story", (theme) => {
  const sb = useStorybook();

  it.for(storyIds())("%s", async (id, { expect }) => {
    const page = await sb.open(id, { theme });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    // Let the story's first call land (error states, streams) before checking.
    await page.waitForTimeout(800);
    expect(await seriousViolations(page)).toEqual([]);
    expect(sb.errors(page)).toEqual([]);
    await page.close();
  });
});
