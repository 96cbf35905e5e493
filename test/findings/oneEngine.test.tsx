// @vitest-environment jsdom
// Issue 23's findings that cost money or lie, each measured on main 161e267 and pinned here.
import { act, render, screen } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SaaSLLMProvider, useChatStream, useLLMCall, type SaaSLLMClientOptions, type UseLLMCallOptions } from "../../src/index";
import type { SimulatorOptions } from "../../src/testing/index";
import { direct } from "../integration/fidelity/kit";

let out: { current: ReturnType<typeof useLLMCall> | ReturnType<typeof useChatStream> | null } = { current: null };
function Plain(props: UseLLMCallOptions) {
  out.current = useLLMCall(props);
  return null;
}
function Chat() {
  const chat = useChatStream({ model: "chat-fast" });
  out.current = chat;
  return <p role="status">{`${chat.status} ${chat.outcome?.status ?? ""}`}</p>;
}

const simulated = (sim: SimulatorOptions = {}, client: Partial<SaaSLLMClientOptions> = {}) => direct({ preset: "live", replyText: "one two three four five six seven eight nine ten", ...sim }, client);

function mount(ui: ReactNode, sim: SimulatorOptions = {}, client: Partial<SaaSLLMClientOptions> = {}, made = simulated(sim, client)) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SaaSLLMProvider client={made.client}>{ui}</SaaSLLMProvider>
    </QueryClientProvider>,
  );
  return made;
}
const plain = () => out.current as ReturnType<typeof useLLMCall>;
const chat = () => out.current as ReturnType<typeof useChatStream>;
const flush = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe("issue 23: one call, one engine", () => {
  beforeEach(() => {
    out = { current: null };
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  });
  afterEach(() => vi.useRealTimers());

  it("a single-shot useLLMCall that times out is sent once (was 4), its fate is looked up, and only sendAgain sends it again", async () => {
    const { sim } = mount(<Plain model="chat-fast" />, {}, { timeouts: { createAndCall: 1_000 } });
    sim.script.next("createAndCall", { delayMs: 5_000 });
    void act(() => void plain().call("Hello"));
    await flush(10_000);
    expect(plain().error?.kind).toBe("timeout");
    expect(sim.requestsTo("createAndCall")).toHaveLength(1);
    expect(plain().outcome).toEqual({ status: "not_charged", jobId: null, closedByClient: false });
    await act(() => plain().sendAgain());
    expect(sim.requestsTo("createAndCall")).toHaveLength(2);
    expect(sim.ledger.charges()).toBe(1);
  });

  it("a client created with retry: false holds for useLLMCall: one request for a 503 (was 4)", async () => {
    const { sim, events } = mount(<Plain model="chat-fast" />, {}, { retry: false });
    sim.script.next("createAndCall", { status: 503, detail: "busy" }, { times: 4 });
    void act(() => void plain().call("Hello"));
    await flush(20_000);
    expect(plain().error?.kind).toBe("unavailable");
    expect(sim.requestsTo("createAndCall")).toHaveLength(1);
    expect(events.filter((e) => e.type === "no-retry").map((e) => e.type === "no-retry" && e.reason)).toEqual(["retries-off"]);
  });

  it("useLLMCall's retries are one call in the events: one correlation id, attempts 1..n", async () => {
    const { sim, events } = mount(<Plain model="chat-fast" />);
    sim.script.next("createAndCall", { status: 503, detail: "busy" }, { times: 2 });
    void act(() => void plain().call("Hello"));
    await flush(20_000);
    expect(plain().data?.attempts).toBe(3);
    const requests = events.filter((e) => e.type === "request" && e.endpoint === "createAndCall");
    expect(new Set(requests.map((e) => e.requestId)).size).toBe(1);
    expect(requests.map((e) => e.attempt)).toEqual([1, 2, 3]);
  });

  it("a failed useLLMCall in a job given by id closes the job as failed, as a failed chat answer does (was left open)", async () => {
    const made = simulated();
    const { job_id } = await made.client.createJob({ job_type: "chat" });
    const { sim } = mount(<Plain model="chat-fast" job={job_id} />, {}, {}, made);
    sim.script.next("llmCall", { status: 503, detail: "busy" }, { times: 4 });
    void act(() => void plain().call("Hello"));
    await flush(30_000);
    expect(plain().error?.kind).toBe("unavailable");
    expect(sim.requestsTo("llmCall")).toHaveLength(4);
    expect(sim.ledger.jobs().map((j) => [j.status, j.errorMessage])).toEqual([["FAILED", expect.stringMatching(/^unavailable: /)]]);
    expect(sim.requestsTo("completeJob")).toHaveLength(1);
    expect(sim.ledger.charges()).toBe(0);
  });

  /** A chat answer stopped 700 ms into a 2 s generation on the shipped server's simulator, then 5 s later. */
  async function stoppedAnswer() {
    const made = mount(<Chat />, { tokenDelayMs: 200 });
    void act(() => void chat().send("Hello"));
    await flush(700);
    act(() => chat().stop());
    await flush(5_000);
    return made;
  }

  it("stop on the shipped server: no close is sent, and the chat says charged as the ledger does (was: failed, not charged)", async () => {
    const { sim } = await stoppedAnswer();
    expect(screen.getByRole("status").textContent).toBe("stopped charged");
    expect(sim.ledger.charges()).toBe(1);
    expect(sim.requestsTo("completeJob")).toHaveLength(0);
  });

  it("Continue after a charged stop sends nothing without consent; sendAgain is the user's choice (was: billed again silently)", async () => {
    const { sim } = await stoppedAnswer();
    await act(() => chat().continue());
    await flush(5_000);
    expect(sim.requestsTo("streamCreateAndCall")).toHaveLength(1);
    act(() => chat().sendAgain());
    await flush(10_000);
    expect(sim.requestsTo("streamCreateAndCall")).toHaveLength(2);
    expect(sim.ledger.charges()).toBe(2);
  });
});
