import { describe, expect, it } from "vitest";
import { seriousViolations, useStorybook } from "./storybook";

describe("Devtools and the cost components, live against the simulator", () => {
  const sb = useStorybook();

  it("the inspector explains a retried call, a cut stream, a charged job closed twice and a suspended team", async () => {
    const page = await sb.open("devtools-saasllmdevtools--walkthrough");
    const log = page.getByRole("status").filter({ hasText: /Start with|: / }).first();
    const step = async (button: string, done: RegExp) => {
      await page.getByRole("button", { name: button }).click();
      await expect.poll(() => log.textContent(), { timeout: 15_000 }).toMatch(done);
    };
    await step("Open a job", /Open a job: done/);
    await step("Call after a 503", /Retried call: done/);
    await step("Stream, cut after 4 chunks", /Cut stream: stream_interrupted/);
    await step("Complete the job", /Complete: done/);
    await step("Close it again", /Close again: done/);
    await step("Suspend the team and call", /Suspended team: team_suspended/);

    const panel = page.getByRole("region", { name: "SaaS LiteLLM devtools" });
    const requests = panel.getByRole("list", { name: "Requests" });
    const retried = requests.getByRole("listitem").filter({ hasText: /^POST llmCall/ });
    expect(await retried.textContent()).toContain("2 attempts · ok 200");
    expect(await retried.getByRole("listitem").first().textContent()).toMatch(/^attempt 1 · HTTP 503 · \d+ ms · unavailable → UI state service-unavailable · retry in \d+(\.\d)? (ms|s) \(backoff\): HTTP 503 \(unavailable\) is retryable; retry 1 of 3, waiting per exponential backoff with jitter$/);

    const stream = panel.getByRole("list", { name: "Streams" }).getByRole("listitem").first();
    expect(await stream.textContent()).toMatch(/requested → opened → first token → ended · first token \d+ ms · 4 chunks · \d+ chars · ended: cut \(stream_interrupted\)/);

    const job = panel.getByRole("list", { name: "Jobs" }).getByRole("listitem").filter({ hasText: /walkthrough · opened by createJob · \d+ calls? · \d+ tokens/ });
    // The second close never reaches the server (the client closes a job once): the panel says so.
    expect(await job.textContent()).toMatch(/completed by app · credit charged · \$\d\.\d{6} · 99 credits left/);
    expect(await job.textContent()).toContain("⚠ asked to close 2 times, sent once");
    expect(await job.textContent()).toContain("failed by app (closed twice on purpose) · not sent: already closed");
    expect(await panel.getByText("Team: team-suspended (from createJob)").count()).toBe(1);
    expect(await requests.getByRole("listitem").filter({ hasText: /^POST createJob .*failed: team_suspended/ }).count()).toBe(1);

    await page.getByRole("combobox", { name: "Kind" }).selectOption("streams");
    expect(await panel.getByRole("list", { name: "Requests" }).count()).toBe(0);
    await page.getByRole("combobox", { name: "Kind" }).selectOption("all");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/screenshots/devtools-walkthrough.png" });

    // Keyboard: the panel closes with Escape and the toggle gets the focus back.
    await page.getByRole("separator", { name: "Resize devtools" }).focus();
    await page.keyboard.press("ArrowUp");
    expect(await page.getByRole("separator", { name: "Resize devtools" }).getAttribute("aria-valuenow")).toBe("444");
    await page.keyboard.press("Escape");
    expect(await panel.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("SaaS LiteLLM devtools");
    expect(sb.errors(page)).toEqual([]);
  });

  it("dark: the filled panel passes axe too", async () => {
    const page = await sb.open("devtools-saasllmdevtools--dark");
    await page.getByRole("button", { name: "Open a job" }).click();
    await page.getByRole("button", { name: "Call after a 503" }).click();
    await page.getByRole("list", { name: "Requests" }).getByRole("listitem").filter({ hasText: /2 attempts · ok/ }).waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-results/screenshots/devtools-dark.png" });
  });

  it("on the Playground: a cut answer shows up in the open inspector", async () => {
    const page = await sb.open("devtools-saasllmdevtools--on-the-playground");
    await page.getByLabel("Fault").selectOption("interrupted");
    await page.getByRole("button", { name: "Apply to next answer" }).click();
    await page.getByRole("button", { name: "Send" }).click();
    const streams = page.getByRole("list", { name: "Streams" });
    await streams.getByRole("listitem").filter({ hasText: /ended: cut \(stream_interrupted\)/ }).waitFor({ timeout: 15_000 });
    expect(sb.errors(page)).toEqual([]);
  });

  it("JobCost: tokens and USD grow with each call; completing shows the credit", async () => {
    const page = await sb.open("components-jobcost--live");
    const value = (term: string) => page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd").textContent();
    expect(await value("Credits")).toBe("charged when finished");
    await page.getByRole("button", { name: "Call the model" }).click();
    await expect.poll(() => value("Calls"), { timeout: 10_000 }).toBe("1");
    const one = Number((await value("Tokens"))?.split(" ")[0]);
    expect(one).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Call the model" }).click();
    await expect.poll(() => value("Calls"), { timeout: 10_000 }).toBe("2");
    expect(Number((await value("Tokens"))?.split(" ")[0])).toBeGreaterThan(one);
    await page.getByRole("button", { name: "Complete the job" }).click();
    await expect.poll(() => value("Credits"), { timeout: 10_000 }).toBe("1 credit charged · 99 left");
    await sb.screenshot(page, "jobcost-charged");
  });

  it("CreditsMeter: low and out announce their state; Add credits brings it back to ok", async () => {
    for (const [story, state] of [["low", "low"], ["out", "out"]] as const) {
      const page = await sb.open(`components-creditsmeter--${story}`);
      const meter = page.getByRole("meter", { name: "Credits" });
      await expect.poll(() => meter.getAttribute("aria-valuetext"), { timeout: 10_000 }).toMatch(new RegExp(`credits left, ${state}$`));
      await sb.screenshot(page, `creditsmeter-${story}`);
      await page.getByRole("button", { name: "Add credits" }).click();
      await expect.poll(() => meter.getAttribute("aria-valuetext"), { timeout: 10_000 }).toMatch(/^100 of \d+ credits left$/);
      expect(await page.getByRole("button", { name: "Add credits" }).count()).toBe(0);
      await page.close();
    }
  });
});
