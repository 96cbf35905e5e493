import { describe, it } from "vitest";
import { seriousViolations, storyIds, useStorybook } from "./storybook";

describe.concurrent("axe: no serious or critical violations in any story", () => {
  const sb = useStorybook();

  it.for(storyIds())("%s", async (id, { expect }) => {
    const page = await sb.open(id);
    // Let the story's first call land (error states, streams) before checking.
    await page.waitForTimeout(800);
    expect(await seriousViolations(page)).toEqual([]);
    expect(sb.errors(page)).toEqual([]);
    await page.close();
  });
});
