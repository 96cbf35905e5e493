// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useChatStream, useJob, useLLMCall, type UseJobOptions } from "../../src/index";
import { serveThrough, useSimulatorServer } from "../helpers";
import { Removable, renderWithClient } from "./render";

/** Lets `n` macrotasks run (timers of 0 ms queued before them included). */
const macrotasks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

function JobPanel(props: UseJobOptions & { failCall?: boolean }) {
  const job = useJob({ jobType: "test", pollIntervalMs: 50, ...props });
  const llm = useLLMCall({ job, model: "chat-fast", maxRetries: 0 });
  return (
    <div>
      <button onClick={() => void job.start()}>Start</button>
      <button onClick={() => void llm.call("Hi").catch(() => undefined)}>Call</button>
      <button onClick={() => void job.complete().catch(() => undefined)}>Complete</button>
      <button onClick={() => void job.fail("user gave up")}>Fail</button>
      <p data-testid="status">{job.status}</p>
      <p data-testid="server-status">{job.job?.status ?? "-"}</p>
      <p data-testid="answer">{llm.data?.content ?? ""}</p>
      <p data-testid="credits">{job.costs ? `credit applied: ${job.costs.credit_applied}` : ""}</p>
    </div>
  );
}
const text = (id: string) => screen.getByTestId(id).textContent;

describe("useJob against the simulator", () => {
  const sim = useSimulatorServer();

  it("start -> call (creates on demand) -> complete: charged once, record polled then stopped", async () => {
    renderWithClient(<JobPanel />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Call" }));
    await waitFor(() => expect(text("answer")).not.toBe(""));
    expect(text("status")).toBe("active");
    await waitFor(() => expect(text("server-status")).toBe("in_progress"));
    await userEvent.click(screen.getByRole("button", { name: "Complete" }));
    await waitFor(() => expect(text("status")).toBe("completed"));
    expect(text("credits")).toBe("credit applied: true");
    // complete twice: never sent twice (the upstream would flip the charge)
    await userEvent.click(screen.getByRole("button", { name: "Complete" }));
    const jobId = sim.simulator.ledger.jobs()[0]!.jobId;
    expect(sim.simulator.requestsTo("completeJob")).toHaveLength(1);
    expect(sim.simulator.ledger.charges(jobId)).toBe(1);
    await waitFor(() => expect(text("server-status")).toBe("completed"));
    const polls = sim.simulator.requestsTo("getJob").length;
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(sim.simulator.requestsTo("getJob").length).toBe(polls);
  });

  it("a job whose last call failed is completed as failed, with the error message, and not charged", async () => {
    sim.simulator.script.next("llmCall", { status: 403, detail: "Team 'team-demo' does not have access to model alias 'chat-fast'" });
    renderWithClient(<JobPanel />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Call" }));
    await waitFor(() => expect(sim.simulator.requestsTo("llmCall")).toHaveLength(1));
    await userEvent.click(screen.getByRole("button", { name: "Complete" }));
    await waitFor(() => expect(text("status")).toBe("failed"));
    const job = sim.simulator.ledger.jobs()[0]!;
    expect(job.status).toBe("FAILED");
    expect(job.errorMessage).toContain("model_access_denied");
    expect(sim.simulator.ledger.charges()).toBe(0);
  });

  it("unmounting with the job open completes it as failed; keepOpenOnUnmount leaves it", async () => {
    const Host = ({ keep }: { keep: boolean }) => <Removable label="Leave"><JobPanel keepOpenOnUnmount={keep} /></Removable>;
    const closes: Array<{ by: string; status: string }> = [];
    const observed = sim.client({ onEvent: (e) => void (e.type === "job-close" && closes.push({ by: e.by, status: e.status })) });
    const first = renderWithClient(<Host keep={false} />, observed);
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    await waitFor(() => expect(text("status")).toBe("active"));
    await userEvent.click(screen.getByRole("button", { name: "Leave" }));
    await waitFor(() => expect(sim.simulator.ledger.openJobs()).toHaveLength(0));
    expect(sim.simulator.ledger.jobs()[0]!.status).toBe("FAILED");
    // Observers (the devtools) see who closed it.
    expect(closes).toEqual([{ by: "unmount", status: "failed" }]);
    first.unmount();

    sim.simulator.reset();
    const sent: string[] = [];
    renderWithClient(<Host keep />, sim.client({ onEvent: (e) => void (e.type === "request" && sent.push(e.endpoint)) }));
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    await waitFor(() => expect(text("status")).toBe("active"));
    await userEvent.click(screen.getByRole("button", { name: "Leave" }));
    // The owner lets go one macrotask after the unmount (StrictMode's remount window); a close would be sent
    // synchronously then. Two macrotasks later, none was: no clock is involved.
    await act(() => macrotasks(2));
    expect(sent.filter((e) => e !== "getJob")).toEqual(["createJob"]);
    expect(sim.simulator.ledger.openJobs()).toHaveLength(1);
  });

  it("StrictMode: one job created, not failed by the simulated unmount", async () => {
    const sent: string[] = [];
    renderWithClient(<JobPanel />, sim.client({ onEvent: (e) => void (e.type === "request" && sent.push(e.endpoint)) }), { strict: true });
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    await waitFor(() => expect(text("status")).toBe("active"));
    await act(() => macrotasks(2));
    expect(sent.filter((e) => e !== "getJob")).toEqual(["createJob"]);
    expect(sim.simulator.requestsTo("createJob")).toHaveLength(1);
  });

  it("a stream in a job handle: the interruption is reported and the job is completed as failed", async () => {
    function StreamInJob() {
      const job = useJob({ jobType: "chat", pollIntervalMs: false });
      const chat = useChatStream({ model: "chat-fast", job });
      return (
        <>
          <button onClick={() => chat.send("Hi")}>Send</button>
          <button onClick={() => void job.complete()}>Complete</button>
          <p data-testid="status">{chat.status}</p>
          <p data-testid="job">{job.status}</p>
        </>
      );
    }
    sim.simulator.script.next("streamLLMCall", { stream: { cutAfterChunks: 2 } });
    renderWithClient(<StreamInJob />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(text("status")).toBe("interrupted"));
    await userEvent.click(screen.getByRole("button", { name: "Complete" }));
    await waitFor(() => expect(text("job")).toBe("failed"));
    expect(sim.simulator.ledger.jobs()[0]!.status).toBe("FAILED");
  });

  it("unmounted while its job is being created: the job is failed, and a send after unmount opens nothing", async () => {
    // The server holds the job's creation until the test has clicked Leave.
    let arrived = false;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const server = await serveThrough(sim.simulator, async (request) => {
      if (new URL(request.url).pathname !== "/api/jobs/create") return;
      arrived = true;
      await released;
    });
    function Flow() {
      const job = useJob({ pollIntervalMs: false });
      const chat = useChatStream({ model: "chat-fast", job });
      return <button onClick={() => void job.start().then(() => chat.send("hi"), () => undefined)}>Go</button>;
    }
    renderWithClient(<Removable label="Leave"><Flow /></Removable>, sim.client({ baseUrl: server.url }));
    await userEvent.click(screen.getByRole("button", { name: "Go" }));
    await waitFor(() => expect(arrived).toBe(true));
    await userEvent.click(screen.getByRole("button", { name: "Leave" }));
    release();
    await waitFor(() => expect(sim.simulator.ledger.jobs().map((j) => j.status)).toEqual(["FAILED"]));
    await act(() => new Promise((r) => setTimeout(r, 200)));
    await server.close();
    expect(sim.simulator.requestsTo("createJob")).toHaveLength(1);
    expect(sim.simulator.requestsTo("streamLLMCall")).toHaveLength(0);
    expect(sim.simulator.ledger.openJobs()).toEqual([]);
  });
});
