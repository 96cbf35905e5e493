import { describe, expect, it } from "vitest";
import { useStorybook } from "./storybook";

describe("Playground: a small chat app on the simulator", () => {
  const sb = useStorybook();

  it("streams answers in one job, survives scenarios with their fix buttons, charges the job once", async () => {
    const page = await sb.open("playground--chat-app");
    const failedResponses: string[] = [];
    page.on("response", (r) => void (r.status() >= 400 && failedResponses.push(`${r.status()} ${new URL(r.url()).pathname}`)));
    const costOf = (term: string) => page.getByLabel("Cost of this conversation").locator("dt", { hasText: term }).locator("xpath=following-sibling::dd").textContent();
    const status = () => page.locator(".slm-stream-status").getAttribute("data-status");
    const armed = () => page.getByTestId("armed").textContent();
    const send = async (text: string) => {
      await page.getByLabel("Message", { exact: true }).fill(text);
      await page.getByRole("button", { name: "Send" }).click();
    };
    const arm = async (scenario: string) => {
      await page.getByLabel("Fault").selectOption(scenario);
      await page.getByRole("button", { name: "Apply to next answer" }).click();
    };
    await expect.poll(() => page.getByTestId("credits").textContent(), { timeout: 10_000 }).toBe("100 remaining");

    // The side panel fits at 1,100 px: its right edge is inside the viewport.
    const side = await page.getByRole("complementary", { name: "Costs and scenarios" }).boundingBox();
    expect(side!.x + side!.width).toBeLessThanOrEqual(1100);

    await page.getByRole("button", { name: "Send" }).click();
    // The answer keeps one font from the first token to the end (no monospace while streaming).
    await page.getByRole("region", { name: "Answer" }).waitFor();
    const streamingFont = await page.getByRole("region", { name: "Answer" }).evaluate((el) => getComputedStyle(el).fontFamily);
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    const doneFont = await page.locator(".playground__msg--assistant").first().evaluate((el) => getComputedStyle(el).fontFamily);
    expect(streamingFont).toBe(doneFont);
    await sb.screenshot(page, "playground");
    // A streamed answer carries no usage: the job's costs report none, and the line says so instead of 0.
    await expect.poll(() => costOf("Calls"), { timeout: 10_000 }).toBe("1");
    expect(await costOf("Tokens")).toBe("not reported");
    expect(await costOf("Cost")).toBe("not reported");

    await arm("interrupted");
    expect(await armed()).toMatch(/^Armed: Stream cut/);
    await send("And streams?");
    await expect.poll(status, { timeout: 15_000 }).toBe("interrupted");
    await page.getByText(/Assistant \(interrupted\)/).waitFor();
    expect(await armed()).toMatch(/^Used: Stream cut.*next answer is healthy/);
    await sb.screenshot(page, "playground-interrupted");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");

    // Account errors appear once (the top banner), and its button fixes the cause and answers.
    await arm("team-suspended");
    await send("Still there?");
    await expect.poll(() => page.locator(".slm-team-status").getAttribute("data-state"), { timeout: 10_000 }).toBe("team-suspended");
    expect(await page.getByText("Team suspended", { exact: true }).count()).toBe(1);
    await page.getByText("— not answered").waitFor();
    await sb.screenshot(page, "playground-suspended");
    await page.getByRole("button", { name: "Contact support" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    await expect.poll(() => page.locator(".slm-team-status").count()).toBe(0);
    expect(await armed()).toBe("Fixed from its banner: Team suspended (403). Answers succeed again.");

    await arm("out-of-credits");
    expect(await armed()).toMatch(/^Set: Out of credits \(403\)\. It stays until fixed/);
    await send("One more?");
    await page.getByRole("button", { name: "Add credits" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    expect(await page.getByText("Out of credits", { exact: true }).count()).toBe(0);
    // The note no longer says the fault stays: the banner's button fixed it and the answer came.
    expect(await armed()).toBe("Fixed from its banner: Out of credits (403). Answers succeed again.");
    await sb.screenshot(page, "playground-credits-fixed");

    // No access to the model: "Choose another model" switches it and asks the failed message again with it.
    await arm("no-model-access");
    await send("Which model?");
    await page.getByRole("button", { name: "Choose another model" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    expect(await page.getByText("Model not available").count()).toBe(0);
    expect(await page.locator("label", { hasText: /^Model/ }).locator("select").inputValue()).toBe("chat-claude");
    expect(await page.locator(".playground__msg--assistant").last().textContent()).toMatch(/^Assistant: /);
    expect(await armed()).toBe("Fixed from its banner: No access to the model (403). Answers succeed again.");

    // A 429 with Retry-After: the status line counts down instead of a silent "Connecting…".
    await arm("rate-limited");
    await send("Fast?");
    await expect.poll(() => page.locator(".slm-stream-status__text").textContent(), { timeout: 10_000 }).toMatch(/^Retrying in [1-5] s \(2 of 4\)$/);
    await expect.poll(status, { timeout: 20_000 }).toBe("done");

    // The scenarios' own statuses (403, 429) aside, every request was answered: no 404 (the credits poll included).
    expect(failedResponses.filter((r) => r.startsWith("404") && !r.endsWith("/favicon.ico"))).toEqual([]);
    await page.getByRole("button", { name: "Reset simulator" }).click();
    await page.getByRole("button", { name: "New conversation" }).click();
    await send("Hello again");
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    await page.getByRole("button", { name: "End conversation" }).click();
    await expect.poll(() => costOf("Credits"), { timeout: 10_000 }).toBe("1 credit charged · 99 left");
    expect([await costOf("Calls"), await costOf("Tokens"), await costOf("Cost")]).toEqual(["1", "not reported", "not reported"]);
    await expect.poll(() => page.getByTestId("credits").textContent(), { timeout: 10_000 }).toBe("99 remaining");
    await sb.screenshot(page, "playground-job-cost");
    expect(sb.errors(page)).toEqual([]);
  });

  it("a message that failed keeps its 'not answered' mark after the next send is answered", async () => {
    const page = await sb.open("playground--chat-app");
    const status = () => page.locator(".slm-stream-status").getAttribute("data-status");
    const send = async (text: string) => {
      await page.getByLabel("Message", { exact: true }).fill(text);
      await page.getByRole("button", { name: "Send" }).click();
    };
    await page.getByLabel("Fault").selectOption("team-suspended");
    await page.getByRole("button", { name: "Apply to next answer" }).click();
    await send("Still there?");
    await page.getByText("— not answered").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Reset simulator" }).click();
    await send("Anyone?");
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    const marked = await page.locator(".playground__msg--failed").allTextContents();
    expect(marked).toEqual(["You: Still there? — not answered"]);
    expect(await page.locator(".playground__msg--user").last().textContent()).toBe("You: Anyone?");
    await page.close();
  });

  it("dark theme from the toolbar: banners and demo controls are dark", async () => {
    const page = await sb.open("playground--chat-app", { theme: "dark" });
    const status = () => page.locator(".slm-stream-status").getAttribute("data-status");
    await page.getByLabel("Fault").selectOption("interrupted");
    await page.getByRole("button", { name: "Apply to next answer" }).click();
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("interrupted");
    const colours = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      button: getComputedStyle(document.querySelector(".playground__form button")!).backgroundColor,
    }));
    expect(colours).toEqual({ body: "rgb(13, 17, 23)", button: "rgb(33, 38, 45)" });
    await sb.screenshot(page, "playground-dark-interrupted");
  });
});
