// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createSaaSLLMClient } from "../../core/createSaaSLLMClient";
import { DEMO_VIRTUAL_KEY } from "../../testing/index";
import { ErrorBanner } from "./ErrorBanner";
import { failureOf, hello, startSim } from "../../../test/fixtures/simulatorFixture";

const NO_JOB = "00000000-0000-4000-8000-000000000000";

describe("ErrorBanner from real simulator responses", () => {
  it("re-auth: a revoked key offers 'Sign in again'", async () => {
    const { simulator, client } = await startSim();
    simulator.team().revokeKey();
    const e = await failureOf(client.createJob({ job_type: "chat" }));
    const onReauth = vi.fn();
    render(<ErrorBanner error={e} onReauth={onReauth} />);
    expect(screen.getByRole("alert").textContent).toMatch(/sign-in needed/i);
    await userEvent.click(screen.getByRole("button", { name: /sign in again/i }));
    expect(onReauth).toHaveBeenCalledOnce();
    expect(document.body.textContent).not.toContain(DEMO_VIRTUAL_KEY);
  });

  it("team-suspended: says so, and offers no retry", async () => {
    const { simulator, client } = await startSim();
    simulator.team().suspend();
    const e = await failureOf(client.createJob({ job_type: "chat" }));
    render(<ErrorBanner error={e} onRetry={() => {}} />);
    expect(screen.getByRole("alert").textContent).toMatch(/team suspended/i);
    expect(screen.getByRole("alert").textContent).toMatch(/contact your administrator/i);
    expect(screen.queryByRole("button", { name: /try again/i })).toBeNull();
  });

  it("team-paused", async () => {
    const { simulator, client } = await startSim();
    simulator.team().pause();
    const e = await failureOf(client.getTeamUsage(""));
    const { container } = render(<ErrorBanner error={e} />);
    expect(screen.getByRole("alert").textContent).toMatch(/team paused/i);
    expect(container.querySelector(".slm-banner--team-paused")?.getAttribute("data-state")).toBe("team-paused");
  });

  it("out-of-credits: a 403 that speaks of credits offers 'Add credits'", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("createAndCall", { status: 403, detail: "Insufficient credits. Team has 0 credits remaining, but 1 required." });
    const e = await failureOf(client.createAndCall({ job_type: "chat", model: "chat-fast", messages: hello }));
    const onAddCredits = vi.fn();
    render(<ErrorBanner error={e} onAddCredits={onAddCredits} />);
    expect(screen.getByRole("alert").textContent).toMatch(/out of credits/i);
    await userEvent.click(screen.getByRole("button", { name: /add credits/i }));
    expect(onAddCredits).toHaveBeenCalledOnce();
  });

  it("no-model-access: an unknown model offers 'Choose another model'", async () => {
    const { client } = await startSim();
    const e = await failureOf(client.createAndCall({ job_type: "chat", model: "gpt-nope", messages: hello }));
    render(<ErrorBanner error={e} onChooseModel={() => {}} />);
    expect(screen.getByRole("alert").textContent).toMatch(/model not available/i);
    expect((screen.getByRole("button", { name: /choose another model/i }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("service-unavailable: a 503 offers 'Try again' and hides the raw detail", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("getJob", { status: 503, body: "<html><h1>502 Bad Gateway</h1> upstream=https://internal?key=sk-leak</html>", contentType: "text/html" });
    const e = await failureOf(client.getJob(NO_JOB));
    const onRetry = vi.fn();
    render(<ErrorBanner error={e} onRetry={onRetry} />);
    expect(screen.getByRole("alert").textContent).toMatch(/service unavailable/i);
    expect(document.body.textContent).not.toMatch(/sk-leak|internal|html/i);
    await userEvent.click(screen.getByRole("button", { name: /try again/i }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("service-unavailable: a 500 from missing provider credentials sends the user to an admin", async () => {
    const { simulator, client } = await startSim();
    const detail = "LLM call failed: 500: No provider credentials configured for openai. Please add credentials in the admin dashboard.";
    simulator.script.next("createAndCall", { status: 500, detail });
    const e = await failureOf(client.createAndCall({ job_type: "chat", model: "chat-fast", messages: hello }));
    render(<ErrorBanner error={e} onRetry={() => {}} />);
    expect(screen.getByRole("alert").textContent).toMatch(/contact your administrator/i);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("rate-limited: a 429 with Retry-After counts down before 'Try again'", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("getJob", { status: 429, detail: "Rate limit exceeded", headers: { "Retry-After": "5" } });
    const e = await failureOf(client.getJob(NO_JOB));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      render(<ErrorBanner error={e} onRetry={() => {}} />);
      // The alert (read once by a screen reader) names the wait once; it never changes while the countdown ticks.
      const alert = screen.getByRole("alert");
      const said = "Too many requestsRequests are being sent faster than allowed. Wait 5 seconds, then try again.";
      expect(alert.textContent).toBe(said);
      // The body's countdown and the button show the same number, every second, outside the live region.
      for (const s of [5, 4, 3, 2, 1]) {
        const line = screen.getByText(`You can try again in ${s === 1 ? "1 second" : `${s} seconds`}.`);
        expect(alert.contains(line) || line.closest("[aria-live],[role=status],[role=alert]")).toBeFalsy();
        expect(alert.textContent).toBe(said);
        expect((screen.getByRole("button", { name: `Retry in ${s} s` }) as HTMLButtonElement).disabled).toBe(true);
        await act(() => vi.advanceTimersByTimeAsync(1000));
      }
      expect(screen.getByText("You can try again now.")).toBeTruthy();
      expect((screen.getByRole("button", { name: "Try again" }) as HTMLButtonElement).disabled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("network: a dropped connection", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("getJob", { networkError: true });
    const e = await failureOf(client.getJob(NO_JOB));
    render(<ErrorBanner error={e} onRetry={() => {}} />);
    expect(screen.getByRole("alert").textContent).toMatch(/connection problem/i);
    expect((screen.getByRole("button", { name: /try again/i }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("interrupted: a stream cut before its end marker", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 2 } });
    const e = await failureOf(client.streamCreateAndCall({ job_type: "chat", model: "chat-fast", messages: hello }));
    expect(e.partialText).toBeTruthy();
    render(<ErrorBanner error={e} onRetry={() => {}} />);
    expect(screen.getByRole("alert").textContent).toMatch(/answer interrupted/i);
  });

  it("invalid-request: a 422 about the user's messages lists the fields to fix", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("createAndCall", { status: 422, detail: [{ type: "missing", loc: ["body", "messages", 0, "content"], msg: "Field required", input: {} }] });
    const e = await failureOf(client.createAndCall({ job_type: "chat", model: "chat-fast", messages: hello }));
    render(<ErrorBanner error={e} />);
    expect(screen.getByRole("alert").textContent).toMatch(/check your input/i);
    expect(screen.getByRole("list", { name: /fields to fix/i }).textContent).toMatch("messages.0.content: Field required");
  });

  it("invalid-request: a 422 about an app setting (temperature) does not ask the user to check their input", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("createAndCall", { status: 422, detail: [{ type: "float_parsing", loc: ["body", "temperature"], msg: "Input should be a valid number", input: "hot" }] });
    const e = await failureOf(client.createAndCall({ job_type: "chat", model: "chat-fast", messages: hello }));
    render(<ErrorBanner error={e} />);
    expect(screen.getByRole("alert").textContent).toMatch(/request not accepted.*not caused by what you typed/i);
    expect(document.body.textContent).not.toMatch(/check your input|temperature/i);
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("interrupted: offers Continue beside Try again when text was kept", async () => {
    const { simulator, client } = await startSim();
    simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 2 } });
    const e = await failureOf(client.streamCreateAndCall({ job_type: "chat", model: "chat-fast", messages: hello }));
    const onContinue = vi.fn();
    render(<ErrorBanner error={e} onRetry={() => {}} onContinue={onContinue} />);
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Try again", "Continue"]);
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(onContinue).toHaveBeenCalledOnce();
  });

  it("suspended offers 'Contact support' when given, and hides when a TeamStatusBanner shows account errors", async () => {
    const { simulator, client } = await startSim();
    simulator.team().suspend();
    const e = await failureOf(client.createJob({ job_type: "chat" }));
    const onContactAdmin = vi.fn();
    const { rerender } = render(<ErrorBanner error={e} onContactAdmin={onContactAdmin} />);
    await userEvent.click(screen.getByRole("button", { name: "Contact support" }));
    expect(onContactAdmin).toHaveBeenCalledOnce();
    rerender(<ErrorBanner error={e} onContactAdmin={onContactAdmin} accountErrors="team-banner" />);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("not-found: an unknown job", async () => {
    const { client } = await startSim();
    const e = await failureOf(client.getJob(NO_JOB));
    render(<ErrorBanner error={e} onRetry={() => {}} />);
    expect(screen.getByRole("alert").textContent).toMatch(/not found/i);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("forbidden: a key used for another team", async () => {
    const { url } = await startSim();
    const other = createSaaSLLMClient({ baseUrl: url, teamId: "team-other", virtualKey: DEMO_VIRTUAL_KEY, retry: false });
    const e = await failureOf(other.createJob({ job_type: "chat" }));
    render(<ErrorBanner error={e} />);
    // The README's old Quick start hit this with teamId "acme": say it is the app's setup, not a vague denial.
    expect(screen.getByRole("alert").textContent).toMatch(/app not set up for this team/i);
  });

  it("renders nothing for no error or an aborted request, and dismisses", async () => {
    const { client } = await startSim();
    const controller = new AbortController();
    const pending = failureOf(client.getJob(NO_JOB, { signal: controller.signal }));
    controller.abort();
    const aborted = await pending;
    expect(aborted.kind).toBe("aborted");
    const { container, rerender } = render(<ErrorBanner error={aborted} />);
    expect(container.innerHTML).toBe("");
    rerender(<ErrorBanner error={null} />);
    expect(container.innerHTML).toBe("");
    const onDismiss = vi.fn();
    rerender(<ErrorBanner error={await failureOf(client.getJob(NO_JOB))} onDismiss={onDismiss} />);
    await userEvent.click(screen.getByRole("button", { name: /dismiss/i }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
