// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createSaaSLLMClient } from "../core/createSaaSLLMClient";
import { failureOf, hello, startSim, withProviders } from "../../test/fixtures/simulatorFixture";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../testing/index";
import { SaaSLLMDevtools } from "./index";

const model = "chat-fast";

async function openPanel() {
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "SaaS LiteLLM devtools" }));
  await screen.findByRole("region", { name: "SaaS LiteLLM devtools" });
  return user;
}
const list = (name: "Jobs" | "Requests" | "Streams") => within(screen.getByRole("list", { name }));
const entry = (name: "Jobs" | "Requests" | "Streams", text: RegExp) => list(name).getAllByRole("listitem").find((li) => li.parentElement?.getAttribute("aria-label") === name && text.test(li.textContent ?? ""));

describe("SaaSLLMDevtools on the simulator", () => {
  it("a retried call: every attempt with its status, error kind, UI state and the retry decision with its delay and reason", async () => {
    const { simulator, url } = await startSim({ preset: "documented" });
    const client = createSaaSLLMClient({ baseUrl: url, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, retry: { delay: () => 5 } });
    render(<SaaSLLMDevtools />, { wrapper: withProviders(client) });
    simulator.script.next("llmCall", { status: 503, detail: "Service Unavailable" }, { times: 2 });
    await act(async () => {
      const { job_id } = await client.createJob({ job_type: "chat" });
      await client.llmCall(job_id, { model, messages: hello });
    });
    await openPanel();

    expect(simulator.requestsTo("llmCall")).toHaveLength(3);
    const call = entry("Requests", /POST llmCall/);
    expect(call?.textContent).toMatch(/3 attempts · ok 200/);
    const attempts = within(call as HTMLElement).getAllByRole("listitem").map((li) => li.textContent);
    expect(attempts[0]).toMatch(/^attempt 1 · HTTP 503 · \d+ ms · unavailable → UI state service-unavailable · retry in 5 ms \(custom\): HTTP 503 \(unavailable\) is retryable; retry 1 of 3/);
    expect(attempts[1]).toMatch(/^attempt 2 · HTTP 503 .* retry 2 of 3/);
    expect(attempts[2]).toMatch(/^attempt 3 · HTTP 200 · \d+ ms$/);
    expect(entry("Jobs", /job /)?.textContent).toMatch(/chat · opened by createJob · 1 call · \d+ tokens · open/);
  });

  it("a cut stream: phases, time to first token, chunks, how it ended, and why it was not retried", async () => {
    const { simulator, client } = await startSim({ preset: "documented" });
    render(<SaaSLLMDevtools />, { wrapper: withProviders(client) });
    simulator.script.next("streamLLMCall", { stream: { cutAfterChunks: 2 } });
    await act(async () => {
      const { job_id } = await client.createJob({ job_type: "chat" });
      expect((await failureOf(client.streamLLMCall(job_id, { model, messages: hello }))).kind).toBe("stream_interrupted");
    });
    await openPanel();

    expect(simulator.requestsTo("streamLLMCall")).toHaveLength(1);
    expect(entry("Streams", /streamLLMCall/)?.textContent).toMatch(/attempt 1 · job \S+ · requested → opened → first token → ended · first token \d+ ms · 2 chunks · \d+ chars · ended: cut \(stream_interrupted\) after \d+ ms/);
    expect(entry("Requests", /streamLLMCall/)?.textContent).toMatch(/attempt 1 · HTTP 200 · \d+ ms · stream_interrupted → UI state interrupted · not retried: text was already shown/);
  });

  it("a double close: the second close is listed as not sent, with who and why, and the charge of the one close sent", async () => {
    const { simulator, client } = await startSim({ preset: "upstream" });
    render(<SaaSLLMDevtools />, { wrapper: withProviders(client) });
    await act(async () => {
      const { job_id } = await client.createJob({ job_type: "chat" });
      await client.llmCall(job_id, { model, messages: hello });
      await client.completeJob(job_id, { status: "completed" });
      await client.completeJob(job_id, { status: "failed", error_message: "user gave up" });
    });
    await openPanel();

    // The client closes a job once: the upstream would flip the charge on a second complete.
    expect(simulator.requestsTo("completeJob")).toHaveLength(1);
    const job = entry("Jobs", /job /) as HTMLElement;
    expect(job.textContent).toContain("⚠ asked to close 2 times, sent once: the client closes a job once (a repeated complete would flip the charge)");
    expect(within(job).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["completed by app", "failed by app (user gave up) · not sent: already closed"]);
    expect(job.textContent).toMatch(/completed by app · credit charged · \$\d\.\d{6} · 99 credits left/);
  });

  it("a suspended team: the team status, and the refused request with its UI state", async () => {
    const { simulator, client } = await startSim({ preset: "documented" });
    render(<SaaSLLMDevtools />, { wrapper: withProviders(client) });
    simulator.team().suspend();
    await act(() => failureOf(client.createJob({ job_type: "chat" })));
    await openPanel();

    expect(screen.getByText("Team: team-suspended (from createJob)")).toBeTruthy();
    expect(entry("Requests", /createJob/)?.textContent).toMatch(/1 attempt · failed: team_suspended.*HTTP 403 · \d+ ms · team_suspended → UI state team-suspended · not retried: this error does not go away/);
  });
});
