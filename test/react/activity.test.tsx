// @vitest-environment jsdom
// React 19.2+ only (`Activity`): the React 18 run excludes this file (test/react18/vitest.config.mts).
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Activity, useState, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { useChatStream, useJob } from "../../src/index";
import { useSimulatorServer } from "../helpers";
import { renderWithClient } from "./render";

const REPLY = "A long answer that is still streaming while the user looks at another tab, then comes back.";

/** Hide/Show toggle `<Activity>`; Remove unmounts it for real. */
function Tabs({ children }: { children: ReactNode }) {
  const [visible, setVisible] = useState(true);
  const [present, setPresent] = useState(true);
  return (
    <>
      <button onClick={() => setVisible((v) => !v)}>{visible ? "Hide" : "Show"}</button>
      <button onClick={() => setPresent(false)}>Remove</button>
      {present && <Activity mode={visible ? "visible" : "hidden"}>{children}</Activity>}
    </>
  );
}

function Chat() {
  const chat = useChatStream({ model: "chat-fast" });
  return (
    <>
      <button onClick={() => chat.send("Tell me")}>Send</button>
      <p data-testid="status">{chat.status}</p>
      <p data-testid="text">{chat.text}</p>
    </>
  );
}

const text = () => screen.getByTestId("text").textContent ?? "";

// Decision: a hidden chat keeps streaming (the answer costs a job and the user comes back to it); only a real
// unmount aborts. Hiding destroys effects but not the component, so the stream is held until the unmount.
describe.each([false, true])("useChatStream inside <Activity> (StrictMode: %s)", (strict) => {
  const sim = useSimulatorServer({ replyText: REPLY, tokenDelayMs: 40 });

  it("hidden mid-answer, the stream goes on; shown again, the whole answer is there from one request", async () => {
    renderWithClient(<Tabs><Chat /></Tabs>, sim.client(), { strict });
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(text().length).toBeGreaterThan(0));
    await userEvent.click(screen.getByRole("button", { name: "Hide" }));
    // Hidden mid-answer (the screen froze on a prefix; a token takes 40 ms).
    expect(REPLY.startsWith(text())).toBe(true);
    expect(text()).not.toBe(REPLY);
    // While hidden the server finishes the answer and charges it: nothing aborted the request.
    await waitFor(() => expect(sim.simulator.ledger.charges()).toBe(1));
    expect(sim.simulator.ledger.openJobs()).toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Show" }));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done"));
    expect(text()).toBe(REPLY);
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(1);
    expect(sim.simulator.ledger.jobs().map((j) => j.status)).toEqual(["COMPLETED"]);
  });

  it("removed while hidden mid-answer: the request is aborted once; the shipped server finishes and charges the job, the client sends no close", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 60 } });
    renderWithClient(<Tabs><Chat /></Tabs>, sim.client(), { strict });
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(text().length).toBeGreaterThan(0));
    await userEvent.click(screen.getByRole("button", { name: "Hide" }));
    await userEvent.click(screen.getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(sim.simulator.ledger.openJobs()).toHaveLength(0), { timeout: 5000 });
    expect(sim.simulator.ledger.jobs().map((j) => j.status)).toEqual(["COMPLETED"]);
    expect(sim.simulator.ledger.charges()).toBe(1);
    expect(sim.simulator.requestsTo("completeJob")).toHaveLength(0);
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(1);
  });
});

describe.each([false, true])("useJob inside <Activity> (StrictMode: %s)", (strict) => {
  const sim = useSimulatorServer({ replyText: REPLY });

  it("a hidden job stays open and usable; a real unmount still fails it", async () => {
    function Job() {
      const job = useJob({ pollIntervalMs: false });
      return (
        <>
          <button onClick={() => void job.start()}>Start</button>
          <p data-testid="job">{job.status}</p>
        </>
      );
    }
    renderWithClient(<Tabs><Job /></Tabs>, sim.client(), { strict });
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    await waitFor(() => expect(screen.getByTestId("job").textContent).toBe("active"));
    await userEvent.click(screen.getByRole("button", { name: "Hide" }));
    await userEvent.click(screen.getByRole("button", { name: "Show" }));
    await userEvent.click(screen.getByRole("button", { name: "Hide" }));
    await userEvent.click(screen.getByRole("button", { name: "Show" }));
    expect(screen.getByTestId("job").textContent).toBe("active");
    expect(sim.simulator.ledger.openJobs()).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(sim.simulator.ledger.openJobs()).toHaveLength(0));
    expect(sim.simulator.ledger.jobs().map((j) => j.status)).toEqual(["FAILED"]);
  });
});
