import { describe, expect, it } from "vitest";
import { useStorybook } from "./storybook";

/** Each demo says only what is true: the line under a banner, the status beside a call, the requests of a load. */
describe("demo stories show true states", () => {
  const sb = useStorybook();

  it("LLMErrorBoundary / Out of credits: the team line says 0 credits under the banner, then the top-up", async () => {
    const page = await sb.open("errors-llmerrorboundary--out-of-credits");
    const line = () => page.getByTestId("team-line").textContent();
    await page.getByRole("alert").filter({ hasText: "Out of credits" }).waitFor({ timeout: 10_000 });
    expect(await line()).toBe("Simulator: team active, 0 credits, model chat-fast.");
    await sb.screenshot(page, "boundary-out-of-credits");
    await page.getByRole("button", { name: "Add credits" }).click();
    await page.getByText(/^Answer:/).waitFor({ timeout: 10_000 });
    // The single-call job completed and was charged one credit of the 100 added.
    await expect.poll(line, { timeout: 10_000 }).toBe("Simulator: team active, 99 credits, model chat-fast.");
    expect(sb.errors(page)).toEqual([]);
    await page.close();
  });

  it("LLMErrorBoundary / Team suspended: the banner has its Contact support button, which restores the team", async () => {
    const page = await sb.open("errors-llmerrorboundary--team-suspended");
    const line = () => page.getByTestId("team-line").textContent();
    await page.getByRole("alert").filter({ hasText: "Team suspended" }).waitFor({ timeout: 10_000 });
    expect(await line()).toBe("Simulator: team suspended, 100 credits, model chat-fast.");
    await page.getByRole("button", { name: "Contact support" }).click();
    await page.getByText(/^Answer:/).waitFor({ timeout: 10_000 });
    await expect.poll(line, { timeout: 10_000 }).toMatch(/^Simulator: team active, /);
    await page.close();
  });

  it("TeamStatusBanner: a call that met a suspended team points at the notice above, not at an error below", async () => {
    const page = await sb.open("errors-teamstatusbanner--reacts-to-suspension");
    await page.getByRole("button", { name: "Suspend team" }).click();
    await page.getByRole("button", { name: "Make a call" }).click();
    const said = page.locator(".demo__row [role=status]");
    await expect.poll(() => said.textContent(), { timeout: 10_000 }).toBe("The call failed: the notice above says why.");
    expect(await page.locator(".slm-team-status").getAttribute("data-state")).toBe("team-suspended");
    // Nothing below: the account error is the notice's alone.
    expect(await page.locator(".slm-banner:not(.slm-team-status)").count()).toBe(0);
    await sb.screenshot(page, "teamstatus-suspended-call");
    await page.close();
  });

  it("Playground: loading it makes no request that fails (the credits poll is answered, twice)", async () => {
    const failed: string[] = [];
    let balanceReads = 0;
    const page = await sb.open("playground--chat-app");
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
      if (r.url().endsWith("/balance")) balanceReads += 1;
    });
    await page.reload();
    await page.getByTestId("credits").filter({ hasText: "100 remaining" }).waitFor({ timeout: 10_000 });
    // The side panel polls every 3 s: wait for a poll after the first read.
    await expect.poll(() => balanceReads, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(failed).toEqual([]);
    await page.close();
  });
});
