import { describe, expect, it } from "vitest";
import { useStorybook } from "./storybook";

const REPLY_START = "Retries with backoff wait a little longer";

describe("Hooks and components, live against the simulator", () => {
  const sb = useStorybook();

  it("useChatStream: a cut keeps the partial text, Retry starts over, Continue appends", async () => {
    const page = await sb.open("hooks-usechatstream--live");
    const answer = page.getByTestId("answer");
    const status = () => page.locator(".slm-stream-status").getAttribute("data-status");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    const full = (await answer.textContent()) ?? "";
    expect(full.startsWith(REPLY_START)).toBe(true);

    await page.getByRole("button", { name: "Cut the stream" }).click();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("interrupted");
    const partial = (await answer.textContent()) ?? "";
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(full.length);
    expect(full.startsWith(partial)).toBe(true);
    expect(await page.getByRole("status").first().textContent()).toContain("Interrupted");
    await page.waitForTimeout(300);
    expect(await answer.textContent()).toBe(partial); // it stays
    await sb.screenshot(page, "usechatstream-interrupted");

    await page.getByRole("button", { name: "Retry" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    expect(await answer.textContent()).toBe(full);

    await page.getByRole("button", { name: "Cut the stream" }).click();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("interrupted");
    const cut = (await answer.textContent()) ?? "";
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    const continued = (await answer.textContent()) ?? "";
    expect(continued.startsWith(cut)).toBe(true);
    expect(continued.length).toBeGreaterThan(cut.length);
    expect(sb.errors(page)).toEqual([]);
  });

  it("useChatStream: Stop during slow tokens keeps the text and offers Continue", async () => {
    const page = await sb.open("hooks-usechatstream--live");
    await page.getByRole("button", { name: "Slow tokens" }).click();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByRole("button", { name: "Stop" }).click({ timeout: 10_000 });
    await expect.poll(() => page.locator(".slm-stream-status").getAttribute("data-status")).toBe("stopped");
    await page.getByRole("button", { name: "Continue" }).waitFor();
  });

  it("useLLMCall: a 503 twice is retried with the attempt count visible, then succeeds", async () => {
    const page = await sb.open("hooks-usellmcall--retry-503");
    await page.getByRole("button", { name: "503 twice" }).click();
    await page.getByRole("button", { name: "Call the model" }).click();
    const progress = page.getByTestId("progress");
    await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toMatch(/Attempt 2 of 4 — retrying in \d s/);
    await expect.poll(() => progress.textContent(), { timeout: 15_000 }).toBe("Succeeded after 3 attempts");
  });

  it("useLLMCall: a 429 waits for Retry-After with a countdown; without retries the banner counts down", async () => {
    const page = await sb.open("hooks-usellmcall--rate-limited-429");
    await page.getByRole("button", { name: "429, Retry-After 3 s" }).click();
    await page.getByRole("button", { name: "Call the model" }).click();
    const progress = page.getByTestId("progress");
    await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toMatch(/Attempt 2 of 4 — retrying in [1-3] s/);
    await expect.poll(() => progress.textContent(), { timeout: 15_000 }).toBe("Succeeded after 2 attempts");

    const banner = await sb.open("hooks-usellmcall--rate-limited-no-retry");
    await banner.getByRole("button", { name: "429, Retry-After 3 s" }).click();
    await banner.getByRole("button", { name: "Call the model" }).click();
    const retry = banner.getByRole("button", { name: /Retry in \d s|Try again/ });
    await expect.poll(() => retry.textContent(), { timeout: 10_000 }).toMatch(/Retry in [1-3] s/);
    expect(await retry.isDisabled()).toBe(true);
    await expect.poll(() => retry.textContent(), { timeout: 10_000 }).toBe("Try again");
    await retry.click();
    await expect.poll(() => banner.getByTestId("progress").textContent(), { timeout: 10_000 }).toBe("Succeeded after 1 attempt");
  });

  it("useJob: start, call, complete; costs and one credit charged", async () => {
    const page = await sb.open("hooks-usejob--lifecycle");
    await page.getByRole("button", { name: "Start job" }).click();
    await expect.poll(() => page.getByTestId("job-state").textContent()).toBe("active");
    await page.getByRole("button", { name: "Call the model" }).click();
    await page.getByRole("button", { name: "Call the model" }).click();
    await expect.poll(() => page.locator("dd").nth(3).textContent(), { timeout: 10_000 }).not.toBe("–");
    await page.getByRole("button", { name: "Complete job" }).click();
    await expect.poll(() => page.getByTestId("job-state").textContent(), { timeout: 10_000 }).toBe("completed");
    const costs = (await page.getByTestId("costs").textContent()) ?? "";
    expect(costs).toMatch(/Calls\s*\d+ \(\d+ ok, 0 failed\)/);
    expect(costs).toContain("Credit chargedyes");
    expect(costs).toContain("Credits left99");
  });

  it("TeamStatusBanner: appears after a call meets a suspended team, clears after a later success", async () => {
    const page = await sb.open("errors-teamstatusbanner--reacts-to-suspension");
    await page.getByRole("button", { name: "Suspend team" }).click();
    await page.getByRole("button", { name: "Make a call" }).click();
    const banner = page.locator(".slm-team-status");
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain("Team suspended");
    expect(await banner.getAttribute("data-state")).toBe("team-suspended");
    await sb.screenshot(page, "teamstatusbanner-suspended");
    await page.getByRole("button", { name: "Restore team" }).click();
    await page.getByRole("button", { name: "Make a call" }).click();
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
  });

  it.each([
    ["streaming", /Streaming…/, ["Stop"]],
    ["done", /^$/, []],
    ["interrupted", /The connection was lost — the answer is incomplete/, ["Retry", "Continue"]],
    ["stopped", /Stopped — the answer is incomplete/, ["Continue"]],
    ["failed", /^$/, ["Try again"]],
  ] as const)("StreamStatus: %s", async (story, text, buttons) => {
    const page = await sb.open(`components-streamstatus--${story}`);
    const expected = story === "failed" ? "error" : story;
    await expect.poll(() => page.locator(".slm-stream-status").getAttribute("data-status"), { timeout: 15_000 }).toBe(expected);
    expect((await page.locator(".slm-stream-status__text").textContent()) ?? "").toMatch(text);
    for (const name of buttons) await page.getByRole("button", { name }).waitFor();
    if (story === "failed") expect(await page.getByRole("alert").textContent()).toContain("Service unavailable");
  });
});
