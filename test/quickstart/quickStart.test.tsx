// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentType } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { quickStartCode, runnableCopy, startCommand, typeErrors, type Command } from "./quickStart";

const code = quickStartCode();
let command: Command | undefined;
afterEach(async () => {
  await command?.stop();
  command = undefined;
});

/** Starts the simulator command with `args` and renders the README's App against what it printed. */
async function pasteAndRun(args: string[], name: string) {
  command = await startCommand(args);
  const { default: App } = (await import(/* @vite-ignore */ runnableCopy(code, command.baseUrl, name))) as { default: ComponentType };
  render(<App />);
  return userEvent.setup();
}

describe("README Quick start against `saas-litellm-simulator`", () => {
  it("type-checks as pasted", () => {
    expect(typeErrors(code)).toEqual([]);
  }, 60_000);

  it("the command prints the values the Quick start uses", async () => {
    command = await startCommand([]);
    expect(command.output()).toMatch(/teamId\s+team-demo/);
    expect(command.output()).toMatch(/virtualKey\s+sk-sim-demo-0123456789abcdef/);
    expect(code).toContain('teamId: "team-demo"');
    expect(code).toContain('virtualKey: "sk-sim-demo-0123456789abcdef"');
  });

  it("Send streams an answer; a cut answer offers Continue, which finishes it", async () => {
    const user = await pasteAndRun(["--token-delay", "0", "--fault", 'streamCreateAndCall={"stream":{"cutAfterChunks":3}}'], "AppCut");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText(/The connection was lost — the answer is incomplete/)).toBeTruthy();
    const partial = screen.getByRole("paragraph").textContent ?? "";
    expect(partial.length).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(""));
    expect(screen.getByRole("paragraph").textContent?.startsWith(partial)).toBe(true);
    expect(screen.getByRole("paragraph").textContent!.length).toBeGreaterThan(partial.length);
  });

  it.each([
    { flags: ["--credits", "0"], title: "Out of credits", button: "Add credits", opens: "https://example.com/billing", name: "AppCredits" },
    { flags: ["--status", "suspended"], title: "Team suspended", button: "Contact support", opens: "mailto:support@example.com", name: "AppSuspended" },
  ])("$title: one banner with '$button', which works", async ({ flags, title, button, opens, name }) => {
    const open = vi.spyOn(window, "open").mockImplementation(() => null);
    const user = await pasteAndRun(flags, name);
    await user.click(screen.getByRole("button", { name: "Send" }));
    await user.click(await screen.findByRole("button", { name: button }));
    expect(open).toHaveBeenCalledWith(opens);
    expect(screen.getAllByText(title)).toHaveLength(1);
  });
});
