// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { failureOf, hello, startSim } from "../../test/fixtures/simulatorFixture";
import { DEMO_VIRTUAL_KEY } from "../testing/index";
import { SaaSLLMDevtools } from "./index";

const model = "chat-fast";
const toggle = () => screen.getByRole("button", { name: /SaaS LiteLLM devtools/ });

describe("SaaSLLMDevtools controls", () => {
  it("works for a client used directly (no provider); copy-as-JSON carries the entry and never a key", async () => {
    const { simulator, client } = await startSim({ preset: "documented" });
    const user = userEvent.setup();
    render(<SaaSLLMDevtools client={client} initialIsOpen />);
    simulator.script.next("llmCall", { status: 401, detail: `Invalid API key Bearer ${DEMO_VIRTUAL_KEY}` });
    await act(async () => {
      const { job_id } = await client.createJob({ job_type: "chat" });
      await failureOf(client.llmCall(job_id, { model, messages: hello }));
    });
    const requests = await screen.findByRole("list", { name: "Requests" });
    const copy = within(requests).getAllByRole("button", { name: /^Copy request llmCall .* as JSON$/ })[0] as HTMLElement;
    await user.click(copy);
    expect(await screen.findByText("Copied")).toBeTruthy();

    const text = await navigator.clipboard.readText();
    const copied = JSON.parse(text) as { endpoint: string; attempts: Array<{ status: number; error: { kind: string } }> };
    expect(copied.endpoint).toBe("llmCall");
    expect(copied.attempts[0]?.status).toBe(401);
    expect(copied.attempts[0]?.error.kind).toBe("unauthorized");
    expect(text).not.toContain(DEMO_VIRTUAL_KEY);
    expect(text).not.toMatch(/Bearer (?!\[redacted\])/);
    expect(document.body.textContent).not.toContain(DEMO_VIRTUAL_KEY);
  });

  it("filters by job and by kind", async () => {
    const { client } = await startSim({ preset: "documented" });
    const user = userEvent.setup();
    render(<SaaSLLMDevtools client={client} initialIsOpen />);
    let first = "";
    await act(async () => {
      first = (await client.createJob({ job_type: "first" })).job_id;
      await client.llmCall(first, { model, messages: hello });
      const second = (await client.createJob({ job_type: "second" })).job_id;
      await client.llmCall(second, { model, messages: hello });
    });
    const requests = () => within(screen.getByRole("list", { name: "Requests" })).getAllByText(/^POST llmCall/);
    expect(requests()).toHaveLength(2);

    await user.selectOptions(screen.getByRole("combobox", { name: "Job" }), first);
    expect(requests()).toHaveLength(1);
    expect(within(screen.getByRole("list", { name: "Jobs" })).getByText(/first · opened by createJob/)).toBeTruthy();
    expect(screen.queryByText(/second · opened by createJob/)).toBeNull();

    await user.selectOptions(screen.getByRole("combobox", { name: "Kind" }), "streams");
    expect(screen.queryByRole("region", { name: "Requests" })).toBeNull();
    expect(screen.getByRole("region", { name: "Streams" }).textContent).toContain("None yet.");
  });

  it("is keyboard operable: open, resize with the arrow keys, Escape closes and gives focus back", async () => {
    const { client } = await startSim();
    const user = userEvent.setup();
    render(<SaaSLLMDevtools client={client} initialHeight={300} />);
    toggle().focus();
    await user.keyboard("{Enter}");
    const handle = await screen.findByRole("separator", { name: "Resize devtools" });
    // One close control while open: the panel's own; the floating toggle steps aside (it covered the lists).
    expect(screen.queryByRole("button", { name: /SaaS LiteLLM devtools/ })).toBeNull();
    expect(screen.getAllByRole("button", { name: /close|hide/i }).map((b) => b.textContent)).toEqual(["Close devtools"]);
    handle.focus();
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(handle.getAttribute("aria-valuenow")).toBe("348");
    await user.keyboard("{ArrowDown}");
    expect(handle.getAttribute("aria-valuenow")).toBe("324");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "SaaS LiteLLM devtools" })).toBeNull();
    expect(document.activeElement).toBe(toggle());
    expect(toggle().getAttribute("aria-expanded")).toBe("false");
  });

  it("Copy JSON says 'Copy failed' when the Clipboard API is missing (an insecure origin), never nothing", async () => {
    const { client } = await startSim({ preset: "documented" });
    const user = userEvent.setup();
    render(<SaaSLLMDevtools client={client} initialIsOpen />);
    await act(() => client.createJob({ job_type: "chat" }));
    const clipboard = Object.getOwnPropertyDescriptor(navigator, "clipboard");
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    try {
      const copy = within(await screen.findByRole("list", { name: "Requests" })).getAllByRole("button", { name: /as JSON$/ })[0] as HTMLElement;
      await user.click(copy);
      expect((await screen.findByText("Copy failed")).getAttribute("role")).toBe("status");
    } finally {
      if (clipboard) Object.defineProperty(navigator, "clipboard", clipboard);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});
