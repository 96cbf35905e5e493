import { describe, it } from "vitest";
import { useStorybook } from "./storybook";

/** What each error state shows (title, message fragment) and the button a user gets for it. */
const STATES = [
  { story: "out-of-credits", title: "Out of credits", text: /used all of its credits/, button: "Add credits", fixes: true },
  { story: "team-suspended", title: "Team suspended", text: /Contact your administrator/, button: "Contact support", fixes: true },
  { story: "team-paused", title: "Team paused", text: /paused for now/, button: "Contact support", fixes: true },
  { story: "re-auth", title: "Sign-in needed", text: /Sign in again to continue/, button: "Sign in again", fixes: true },
  { story: "no-model-access", title: "Model not available", text: /does not have access to this model/, button: "Choose another model", fixes: true },
  { story: "rate-limited", title: "Too many requests", text: /faster than allowed/, button: /Retry in \d s/, fixes: false },
  { story: "service-unavailable", title: "Service unavailable", text: /having trouble/, button: "Try again", fixes: true },
  { story: "network", title: "Connection problem", text: /could not be reached/, button: "Try again", fixes: true },
  { story: "interrupted", title: "Answer interrupted", text: /part received so far is kept/, button: "Try again", fixes: true },
  // The scenario sends bad app settings (max_tokens, temperature): not the user's input, so no "check your input".
  { story: "validation", title: "Request not accepted", text: /not caused by what you typed/, button: null, fixes: false },
] as const;

describe.concurrent.each(["errorbanner", "llmerrorboundary"])("Errors/%s: every state from a real simulator response", (component) => {
  const sb = useStorybook();

  // Concurrent tests must use the context's `expect`.
  it.for(STATES)("$story", async ({ story, title, text, button: wanted, fixes }, { expect }) => {
    const button = wanted;
    const page = await sb.open(`errors-${component}--${story}`);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain(title);
    expect(await alert.textContent()).toMatch(text);
    if (button) await page.getByRole("button", { name: button }).waitFor();
    else expect(await page.locator(".slm-banner__actions button", { hasText: /Try again|Sign in|Add credits|Choose|Contact/ }).count()).toBe(0);

    if (story === "rate-limited") {
      const retry = page.getByRole("button", { name: /Retry in \d s/ });
      expect(await retry.isDisabled()).toBe(true);
      // The countdown line and the button show the same number (read together in the page).
      const [line, label] = await page.evaluate(() => [document.querySelector(".slm-banner__countdown")?.textContent ?? "", document.querySelector(".slm-button--retry")?.textContent ?? ""]);
      expect(line.match(/\d+/)?.[0]).toBe(label.match(/\d+/)?.[0]);
    }
    if (story === "validation") {
      expect(await page.getByRole("list", { name: "Fields to fix" }).count()).toBe(0);
      expect(await alert.textContent()).not.toMatch(/check your input|temperature/i);
    }
    if (story === "interrupted" && component === "errorbanner") expect((await page.getByLabel("Partial answer").textContent())?.length).toBeGreaterThan(0);
    if (story === "team-suspended" || story === "interrupted") await sb.screenshot(page, `${component}-${story}`);

    // The button fixes the cause on the simulator and calls again: the answer arrives, the banner goes.
    if (fixes && button && typeof button === "string") {
      await page.getByRole("button", { name: button }).click();
      await page.getByText(/^Answer:/).waitFor({ timeout: 10_000 });
      await expect.poll(() => page.locator(".slm-banner").count(), { timeout: 10_000 }).toBe(0);
    }
    expect(sb.errors(page)).toEqual([]);
    await page.close();
  });
});
