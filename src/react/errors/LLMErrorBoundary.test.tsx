// @vitest-environment jsdom
import { useQuery } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Component, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import type { SaaSLLMClient } from "../../core/createSaaSLLMClient";
import type { SaaSLLMError } from "../../core/SaaSLLMError";
import { failureOf, startSim, withProviders } from "../../../test/fixtures/simulatorFixture";
import { LLMErrorBoundary } from "./LLMErrorBoundary";

const NO_JOB = "00000000-0000-4000-8000-000000000000";

function JobStatus({ client, jobId }: { client: SaaSLLMClient; jobId: string }) {
  const job = useQuery({ queryKey: ["job", jobId], queryFn: () => client.getJob(jobId, { retry: false }), retry: false, throwOnError: true });
  return <p>{job.data ? `Job is ${job.data.status}` : "Loading job…"}</p>;
}

function Throw({ error }: { error: unknown }): ReactNode {
  throw error;
}

class Outer extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>Outer caught: {String((this.state.error as Error).message)}</p> : this.props.children;
  }
}

// React reports every caught render error with console.error; these tests expect that.
const quietConsole = () => vi.spyOn(console, "error").mockImplementation(() => {});

describe("LLMErrorBoundary", () => {
  it("shows the state of a failed query, and 'Try again' re-runs it", async () => {
    const consoleError = quietConsole();
    const { simulator, client } = await startSim();
    const { job_id } = await client.createJob({ job_type: "chat" });
    simulator.script.next("getJob", { status: 503, detail: "Service Unavailable" });
    const onError = vi.fn();
    const onReset = vi.fn();
    render(
      <LLMErrorBoundary onError={onError} onReset={onReset}>
        <JobStatus client={client} jobId={job_id} />
      </LLMErrorBoundary>,
      { wrapper: withProviders(client) },
    );
    expect((await screen.findByRole("alert")).textContent).toMatch(/service unavailable/i);
    expect(onError).toHaveBeenCalledOnce();
    expect((onError.mock.calls[0]?.[0] as SaaSLLMError).kind).toBe("unavailable");

    await userEvent.click(screen.getByRole("button", { name: /try again/i }));
    expect(await screen.findByText("Job is pending")).toBeTruthy();
    expect(simulator.requestsTo("getJob")).toHaveLength(2);
    expect(onReset).toHaveBeenCalledWith({ reason: "imperative-api" });
    expect(consoleError).toHaveBeenCalled();
  });

  it("passes errors that are not SaaSLLMErrors to the next boundary", async () => {
    quietConsole();
    const onError = vi.fn();
    render(
      <Outer>
        <LLMErrorBoundary onError={onError}>
          <Throw error={new TypeError("not ours")} />
        </LLMErrorBoundary>
      </Outer>,
    );
    expect(screen.getByText("Outer caught: not ours")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it("resets when a resetKeys entry changes", async () => {
    quietConsole();
    const { client } = await startSim();
    const { job_id } = await client.createJob({ job_type: "chat" });
    const onReset = vi.fn();
    const Providers = withProviders(client);
    const ui = (jobId: string) => (
      <Providers>
        <LLMErrorBoundary resetKeys={[jobId]} onReset={onReset}>
          <JobStatus client={client} jobId={jobId} />
        </LLMErrorBoundary>
      </Providers>
    );
    const { rerender } = render(ui(NO_JOB));
    expect((await screen.findByRole("alert")).textContent).toMatch(/not found/i);
    rerender(ui(job_id));
    expect(await screen.findByText("Job is pending")).toBeTruthy();
    expect(onReset).toHaveBeenCalledWith({ reason: "keys", prev: [NO_JOB], next: [job_id] });
  });

  it("renders a fallback per state, else fallbackRender, with the account actions wired", async () => {
    quietConsole();
    const { simulator, client } = await startSim();
    simulator.team().suspend();
    const suspended = await failureOf(client.createJob({ job_type: "chat" }));
    simulator.team().resume();
    simulator.team().revokeKey();
    const unauthorized = await failureOf(client.createJob({ job_type: "chat" }));

    const { unmount } = render(
      <LLMErrorBoundary fallbacks={{ "team-suspended": ({ state }) => <p>Custom: {state.title}</p> }}>
        <Throw error={suspended} />
      </LLMErrorBoundary>,
    );
    expect(screen.getByText("Custom: Team suspended")).toBeTruthy();
    unmount();

    render(
      <LLMErrorBoundary fallbackRender={({ state, resetErrorBoundary }) => <button onClick={resetErrorBoundary}>{state.state}</button>}>
        <Throw error={suspended} />
      </LLMErrorBoundary>,
    );
    expect(screen.getByRole("button", { name: "team-suspended" })).toBeTruthy();

    const onReauth = vi.fn();
    render(
      <LLMErrorBoundary onReauth={onReauth}>
        <Throw error={unauthorized} />
      </LLMErrorBoundary>,
    );
    await userEvent.click(screen.getByRole("button", { name: /sign in again/i }));
    expect(onReauth).toHaveBeenCalledWith(expect.objectContaining({ error: unauthorized, resetErrorBoundary: expect.any(Function) }));
  });

  it("the built-in banner of a suspended team offers Contact support when onContactAdmin is given", async () => {
    quietConsole();
    const { simulator, client } = await startSim();
    simulator.team().suspend();
    const suspended = await failureOf(client.createJob({ job_type: "chat" }));
    const onContactAdmin = vi.fn();
    render(
      <LLMErrorBoundary onContactAdmin={onContactAdmin}>
        <Throw error={suspended} />
      </LLMErrorBoundary>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Contact support" }));
    expect(onContactAdmin).toHaveBeenCalledWith(expect.objectContaining({ error: suspended, state: expect.objectContaining({ state: "team-suspended" }) }));
  });

  it("types: fallbacks and fallbackRender are mutually exclusive", () => {
    // @ts-expect-error -- one or the other
    const both = <LLMErrorBoundary fallbacks={{}} fallbackRender={() => null} />;
    expect(both).toBeTruthy();
  });
});
