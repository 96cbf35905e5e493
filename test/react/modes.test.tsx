// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Suspense, useEffect, useState, useTransition } from "react";
import { describe, expect, it } from "vitest";
import { useChatStream, useJob, useLLMCall } from "../../src/index";
import { useSimulatorServer } from "../helpers";
import { renderWithClient } from "./render";

const REPLY = "One answer, streamed token by token.";
const models = (sim: ReturnType<typeof useSimulatorServer>) => sim.simulator.requestsTo("streamCreateAndCall").map((r) => (r.body as { model: string }).model);

describe.each([false, true])("latest options without ref writes in render (StrictMode: %s)", (strict) => {
  const sim = useSimulatorServer({ replyText: REPLY });

  it("a send() in the click right after a re-render uses the options of that render", async () => {
    function Chat() {
      const [model, setModel] = useState("chat-fast");
      const chat = useChatStream({ model });
      return (
        <>
          <button onClick={() => setModel("chat-claude")}>Smart</button>
          <button onClick={() => chat.send("Hi")}>Send</button>
          <p data-testid="status">{chat.status}</p>
        </>
      );
    }
    renderWithClient(<Chat />, sim.client(), { strict });
    await userEvent.click(screen.getByRole("button", { name: "Smart" }));
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done"));
    expect(models(sim)).toEqual(["chat-claude"]);
  });

  it("a render React throws away (a suspended transition) leaks none of its options into the next send", async () => {
    const data = { loaded: false, wake: () => undefined as void };
    const pending = new Promise<void>((resolve) => (data.wake = () => ((data.loaded = true), resolve())));
    function Chat({ model, suspend }: { model: string; suspend: boolean }) {
      const chat = useChatStream({ model });
      if (suspend && !data.loaded) throw pending; // suspends after the hook ran with the new options
      return (
        <>
          <button onClick={() => chat.send("Hi")}>Send</button>
          <p data-testid="status">{`${model}: ${chat.status}`}</p>
        </>
      );
    }
    function App() {
      const [next, setNext] = useState(false);
      const [switching, startTransition] = useTransition();
      return (
        <>
          <button onClick={() => startTransition(() => setNext(true))}>Switch</button>
          {switching && <p>Switching…</p>}
          <Suspense fallback={<p>Loading…</p>}>
            <Chat model={next ? "chat-claude" : "chat-fast"} suspend={next} />
          </Suspense>
        </>
      );
    }
    renderWithClient(<App />, sim.client(), { strict });
    await userEvent.click(screen.getByRole("button", { name: "Switch" }));
    await screen.findByText("Switching…");
    // The screen still shows the committed chat-fast UI: its Send must use chat-fast.
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("chat-fast: done"));
    expect(models(sim)).toEqual(["chat-fast"]);
    await act(async () => data.wake());
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("chat-claude: done"));
  });

  it("useLLMCall and useJob: the click right after a re-render uses that render's options", async () => {
    function Calls() {
      const [type, setType] = useState("first");
      const job = useJob({ jobType: type, pollIntervalMs: false });
      const call = useLLMCall({ model: type === "first" ? "chat-fast" : "chat-claude", job });
      return (
        <>
          <button onClick={() => setType("second")}>Change</button>
          <button onClick={() => void call.call("Hi").then(() => job.complete())}>Call</button>
          <p data-testid="job">{job.status}</p>
        </>
      );
    }
    renderWithClient(<Calls />, sim.client(), { strict });
    await userEvent.click(screen.getByRole("button", { name: "Change" }));
    await userEvent.click(screen.getByRole("button", { name: "Call" }));
    await waitFor(() => expect(screen.getByTestId("job").textContent).toBe("completed"));
    expect(sim.simulator.requestsTo("createJob").map((r) => (r.body as { job_type: string }).job_type)).toEqual(["second"]);
    expect(sim.simulator.requestsTo("llmCall").map((r) => (r.body as { model: string }).model)).toEqual(["chat-claude"]);
  });
});

describe.each([false, true])("returned objects are stable across renders (StrictMode: %s)", (strict) => {
  const sim = useSimulatorServer({ replyText: REPLY });

  it("the same state gives the same object; an effect on it runs once per change, never in a loop", async () => {
    const seen = { chat: new Set<unknown>(), call: new Set<unknown>(), job: new Set<unknown>() };
    const effects = { chat: 0 };
    function Hooks() {
      const [, setTick] = useState(0);
      const chat = useChatStream({ model: "chat-fast" });
      const call = useLLMCall({ model: "chat-fast" });
      const job = useJob({ pollIntervalMs: false });
      // Recorded per commit: StrictMode's extra render on React 18 builds objects that are never committed.
      useEffect(() => {
        seen.chat.add(chat);
        seen.call.add(call);
        seen.job.add(job);
      });
      // A state update from an effect on the result: with a new object per render it would loop (capped at 50
      // here, so a regression fails on the counts instead of hanging).
      const [runs, setRuns] = useState(0);
      useEffect(() => {
        effects.chat++;
        setRuns((n) => Math.min(n + 1, 50));
      }, [chat]);
      return (
        <>
          <button onClick={() => setTick((n) => n + 1)}>Render</button>
          <button onClick={() => chat.send("Hi")}>Send</button>
          <p data-testid="status">{chat.status}</p>
          <p data-testid="runs">{runs}</p>
        </>
      );
    }
    renderWithClient(<Hooks />, sim.client(), { strict });
    const mounted = { chat: seen.chat.size, call: seen.call.size, job: seen.job.size, effects: effects.chat };
    for (let i = 0; i < 3; i++) await userEvent.click(screen.getByRole("button", { name: "Render" }));
    // Three more renders (six under StrictMode), no new object and no effect run.
    expect({ chat: seen.chat.size, call: seen.call.size, job: seen.job.size, effects: effects.chat }).toEqual(mounted);
    expect([mounted.chat, mounted.call, mounted.job]).toEqual([1, 1, 1]);

    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done"));
    // A read field changed: a new object, so memos and effects that depend on it see the change.
    expect(seen.chat.size).toBeGreaterThan(1);
    const settled = Number(screen.getByTestId("runs").textContent);
    expect(settled).toBeLessThan(50);
    await userEvent.click(screen.getByRole("button", { name: "Render" }));
    expect(Number(screen.getByTestId("runs").textContent)).toBe(settled);
  });

  it("actions keep their identity while the result changes with the stream", async () => {
    const sends = new Set<unknown>();
    const calls = new Set<unknown>();
    function Hooks() {
      const chat = useChatStream({ model: "chat-fast" });
      const call = useLLMCall({ model: "chat-fast" });
      useEffect(() => {
        sends.add(chat.send);
        calls.add(call.call);
      });
      return (
        <>
          <button onClick={() => chat.send("Hi")}>Send</button>
          <button onClick={() => void call.call("Hi")}>Call</button>
          <p data-testid="status">{`${chat.status} ${call.status}`}</p>
        </>
      );
    }
    renderWithClient(<Hooks />, sim.client(), { strict });
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await userEvent.click(screen.getByRole("button", { name: "Call" }));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done success"));
    expect([sends.size, calls.size]).toEqual([1, 1]);
  });

  it("a field first read in an effect is tracked: its later change re-renders with a new object", async () => {
    const texts: string[] = [];
    function Hooks() {
      const chat = useChatStream({ model: "chat-fast" });
      useEffect(() => {
        texts.push(chat.text);
      }, [chat]);
      return <button onClick={() => chat.send("Hi")}>Send</button>;
    }
    renderWithClient(<Hooks />, sim.client(), { strict });
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(texts.at(-1)).toBe(REPLY));
  });
});
