import { describe, it } from "vitest";
import { SCREENSHOTS, STATIC_DIR, useStorybook } from "./storybook";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Every component and hook page, with props its table must list (read from the TypeScript types). */
const PAGES: Array<[string, string[]]> = [
  ["errors-errorbanner--docs", ["error", "state", "onRetry", "onReauth", "onAddCredits", "onChooseModel", "onContactAdmin", "onDismiss", "accountErrors", "className"]],
  ["components-streamstatus--docs", ["status", "error", "reason", "retrying", "offline", "outcome", "onStop", "onRetry", "onContinue", "onSendAgain", "accountErrors"]],
  ["errors-teamstatusbanner--docs", ["onReauth", "onAddCredits", "onContactAdmin", "render", "className"]],
  ["errors-llmerrorboundary--docs", ["fallbacks", "fallbackRender", "onError", "onReset", "resetKeys", "onReauth", "onAddCredits", "onChooseModel", "onContactAdmin"]],
  ["components-jobcost--docs", ["job", "render", "label", "usdDigits", "className"]],
  ["components-creditsmeter--docs", ["lowThreshold", "onAddCredits", "refetchInterval", "max", "label", "render"]],
  ["devtools-saasllmdevtools--docs", ["client", "initialIsOpen", "theme", "maxEntries", "initialHeight"]],
  ["hooks-usechatstream--docs", ["model", "job", "system", "params", "retry", "throttleMs", "continuePrompt", "onUnmount", "id", "throwOnError", "onToken"]],
  ["hooks-usellmcall--docs", ["model", "job", "system", "params", "maxRetries", "throwOnError"]],
  ["hooks-usejob--docs", ["jobType", "pollIntervalMs", "keepOpenOnUnmount", "throwOnError"]],
];

/** Names a demo wrapper used to put in the table instead of the component's props. */
const DEMO_ONLY = ["scenario", "credits", "faults", "prompt"];

describe.concurrent("Storybook docs: every component and hook page lists its real props", () => {
  const sb = useStorybook();

  it("there is one docs page per component and hook, and each is checked here", ({ expect }) => {
    const index = JSON.parse(readFileSync(join(STATIC_DIR, "index.json"), "utf8")) as { entries: Record<string, { id: string; type: string }> };
    const docs = Object.values(index.entries).filter((e) => e.type === "docs").map((e) => e.id).sort();
    expect(docs).toEqual(PAGES.map(([id]) => id).sort());
  });

  it.for(PAGES)("%s", async ([id, props], { expect }) => {
    const page = await sb.openDocs(id);
    const table = page.locator(".docblock-argstable").first();
    await table.waitFor({ timeout: 20_000 });
    const names = await table.locator("tbody tr td:first-child").evaluateAll((cells) => cells.map((c) => (c.querySelector("span") ?? c).textContent?.replace(/\*$/, "").trim() ?? ""));
    for (const prop of props) expect(names, `${id} lists ${prop}`).toContain(prop);
    for (const demo of DEMO_ONLY) expect(names).not.toContain(demo);
    // Descriptions come from the TSDoc: the table is the reference, not a list of bare names.
    expect(await table.locator("tbody").textContent()).toMatch(/[a-z]{4,} [a-z]{3,} [a-z]{3,}/);
    await table.screenshot({ path: join(SCREENSHOTS, `docs-${id.replace("--docs", "")}.png`) });
    await page.close();
  });
});
