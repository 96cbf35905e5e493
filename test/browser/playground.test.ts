import { describe, expect, it } from "vitest";
import { useStorybook } from "./storybook";

describe("Playground: a small chat app on the simulator", () => {
  const sb = useStorybook();

  it("streams answers in one job, survives a scenario, charges the job once", async () => {
    const page = await sb.open("playground--chat-app");
    const status = () => page.locator(".slm-stream-status").getAttribute("data-status");
    await expect.poll(() => page.getByTestId("credits").textContent(), { timeout: 10_000 }).toBe("100 remaining");

    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    await page.getByText(/^Assistant: /).first().waitFor();
    await sb.screenshot(page, "playground");

    await page.getByLabel("Fault").selectOption("interrupted");
    await page.getByRole("button", { name: "Apply to next answer" }).click();
    await page.getByLabel("Message", { exact: true }).fill("And streams?");
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("interrupted");
    await page.getByText(/Assistant \(interrupted\)/).waitFor();
    await sb.screenshot(page, "playground-interrupted");
    await page.getByRole("button", { name: "Retry" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");

    await page.getByLabel("Fault").selectOption("team-suspended");
    await page.getByRole("button", { name: "Apply to next answer" }).click();
    await page.getByLabel("Message", { exact: true }).fill("Still there?");
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.locator(".slm-team-status").getAttribute("data-state"), { timeout: 10_000 }).toBe("team-suspended");
    await sb.screenshot(page, "playground-suspended");
    await page.getByRole("button", { name: "Reset simulator" }).click();
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.getByLabel("Message", { exact: true }).fill("Hello again");
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe("done");
    await expect.poll(() => page.locator(".slm-team-status").count()).toBe(0);
    await page.getByRole("button", { name: "End conversation" }).click();
    await expect.poll(() => page.getByTestId("job-costs").textContent(), { timeout: 10_000 }).toMatch(/1 calls?, \d+ tokens, \$[\d.]+, credit charged/);
    await expect.poll(() => page.getByTestId("credits").textContent(), { timeout: 10_000 }).toBe("99 remaining");
    expect(sb.errors(page)).toEqual([]);
  });
});
