// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler, useEffect, useState } from "react";
import { describe, expect, it } from "vitest";
import { createSaaSLLMClient, useChatStream, useChatStreamState, type ChatStreamFinishInfo, type ChatStreamOptions } from "../../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { startSimulatorServer } from "../../src/testing/node";
import { serveThrough, useSimulatorServer } from "../helpers";
import { Removable, renderWithClient } from "./render";

const REPLY = "Bonjour, café ☕ — 東京 🌸 and more words to stream here. End.";

function Chat(props: Partial<ChatStreamOptions> & { onFinishSpy?: (i: ChatStreamFinishInfo) => void }) {
  const chat = useChatStream({ model: "chat-fast", ...props, onFinish: props.onFinishSpy });
  return (
    <div>
      <button onClick={() => chat.send("Hello")}>Send</button>
      <button onClick={chat.stop}>Stop</button>
      <button onClick={chat.retry}>Retry</button>
      <button onClick={chat.continue}>Continue</button>
      <p data-testid="status">{chat.status}</p>
      <p data-testid="text">{chat.text}</p>
      <p data-testid="partial">{chat.error?.partialText ?? ""}</p>
      <ul>{chat.messages.map((m, i) => <li key={i}>{`${m.role}${m.interrupted ? " (interrupted)" : ""}: ${m.content}`}</li>)}</ul>
    </div>
  );
}

const status = () => screen.getByTestId("status").textContent;
const text = () => screen.getByTestId("text").textContent ?? "";

describe("useChatStream against the simulator over HTTP", () => {
  const sim = useSimulatorServer({ replyText: REPLY });

  it("streams the answer and ends in done with the conversation", async () => {
    renderWithClient(<Chat />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("done"));
    expect(text()).toBe(REPLY);
    expect(screen.getByText(`assistant: ${REPLY}`)).toBeTruthy();
    expect(sim.simulator.ledger.openJobs()).toHaveLength(0);
  });

  it.each([1, 3, 7])("cut after %i chunks: the partial text stays on screen, status interrupted, error.partialText === text", async (k) => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: k } });
    const finishes: ChatStreamFinishInfo[] = [];
    renderWithClient(<Chat onFinishSpy={(i) => finishes.push(i)} />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("interrupted"));
    expect(text().length).toBeGreaterThan(0);
    expect(REPLY.startsWith(text())).toBe(true);
    expect(screen.getByTestId("partial").textContent).toBe(text());
    expect(screen.getByText(`assistant (interrupted): ${text()}`)).toBeTruthy();
    expect(finishes).toEqual([expect.objectContaining({ isInterrupted: true, isDisconnect: true, text: text() })]);
    // The single-shot job the server left open was found by correlation id, watched (2 s after text) and failed.
    await waitFor(() => expect(sim.simulator.ledger.openJobs()).toHaveLength(0), { timeout: 5000 });
  });

  it("cut mid-character: no broken character reaches the screen", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterBytes: 700, splitBytes: 5 } });
    renderWithClient(<Chat />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("interrupted"));
    expect(REPLY.startsWith(text())).toBe(true);
    expect(text()).not.toContain("\uFFFD");
  });

  it("retry() starts over: the partial answer is replaced, never duplicated", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 3 } });
    renderWithClient(<Chat />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("interrupted"));
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    // Retry waits for the cut answer's charge check (its job is watched 2 s, then closed: not charged).
    await waitFor(() => expect(status()).toBe("done"), { timeout: 5000 });
    expect(text()).toBe(REPLY);
    expect(screen.getAllByText(/^assistant/)).toHaveLength(1);
  });

  it("continue() sends the partial answer and appends the continuation, which goes on from where the partial stopped", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 3 } });
    renderWithClient(<Chat />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("interrupted"));
    const partial = text();
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(status()).toBe("done"), { timeout: 5000 });
    // The simulated model continues its answer, so the text reads once, not partial + the whole answer again.
    expect(partial.length).toBeLessThan(REPLY.length);
    expect(text()).toBe(REPLY);
    const sent = sim.simulator.requestsTo("streamCreateAndCall").at(-1)!.body as { messages: Array<{ role: string; content: string }> };
    expect(sent.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(sent.messages[1]!.content).toBe(partial);
  });

  it("stop() aborts: status stopped, text kept, onFinish says isAbort", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 40 } });
    const finishes: ChatStreamFinishInfo[] = [];
    renderWithClient(<Chat onFinishSpy={(i) => finishes.push(i)} />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(text().length).toBeGreaterThan(0));
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    await waitFor(() => expect(status()).toBe("stopped"));
    expect(REPLY.startsWith(text())).toBe(true);
    expect(finishes[0]).toMatchObject({ isAbort: true, isError: false });
    // The server as shipped finishes the stopped generation and charges it; the client sends no close it would overwrite.
    await waitFor(() => expect(sim.simulator.ledger.openJobs()).toHaveLength(0), { timeout: 5000 });
    expect(sim.simulator.ledger.charges()).toBe(1);
    expect(sim.simulator.requestsTo("completeJob")).toHaveLength(0);
  });

  it("non-retryable status: sent once, status error; a 503 before the first token is retried", async () => {
    sim.simulator.script.next("streamCreateAndCall", { status: 403, detail: "Team access is paused. Please contact support." });
    renderWithClient(<Chat />, sim.client({ retry: { delay: () => 5 } }));
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("error"));
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(1);

    sim.simulator.script.next("streamCreateAndCall", { status: 503, detail: "busy" }, { times: 2 });
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("done"));
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(4);
  });

  it("unmount mid-stream aborts the request; the shipped server finishes and charges the job, the client sends no close; no React warnings", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 50 } });
    renderWithClient(<Removable><Chat /></Removable>, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(text().length).toBeGreaterThan(0));
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(sim.simulator.ledger.openJobs()).toHaveLength(0), { timeout: 5000 });
    const job = sim.simulator.ledger.jobs()[0]!;
    expect(job.status).toBe("COMPLETED");
    expect(sim.simulator.ledger.charges()).toBe(1);
    expect(sim.simulator.requestsTo("completeJob")).toHaveLength(0);
  });

  it("StrictMode never doubles a request", async () => {
    function AutoChat() {
      const chat = useChatStream({ model: "chat-fast" });
      return (
        <>
          <button onClick={() => chat.send("Hi")}>Send</button>
          <p data-testid="status">{chat.status}</p>
        </>
      );
    }
    renderWithClient(<AutoChat />, sim.client(), { strict: true });
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("done"));
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(1);
  });

  it("two components share one stream by id; a status-only reader does not re-render per token", async () => {
    let statusRenders = 0;
    function Writer() {
      const chat = useChatStream({ model: "chat-fast", id: "shared" });
      return <button onClick={() => chat.send("Hi")}>Send</button>;
    }
    function Reader() {
      const t = useChatStreamState("shared", (s) => s.text);
      return <p data-testid="text">{t}</p>;
    }
    function Badge() {
      statusRenders++;
      const s = useChatStreamState("shared", (x) => x.status);
      return <p data-testid="status">{s}</p>;
    }
    sim.simulator.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 5 } });
    renderWithClient(<><Writer /><Reader /><Badge /></>, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("done"));
    expect(text()).toBe(REPLY);
    // idle -> connecting -> streaming -> done: a handful of renders, not one per chunk
    expect(statusRenders).toBeLessThanOrEqual(5);
  });

  it("throttling: 2,000 tokens produce commits bounded by elapsed frames, and the exact final text", async () => {
    const big = Array.from({ length: 2000 }, (_, i) => `w${i}é `).join("");
    const bigSim = createSimulator({ replyText: big, tokenDelayMs: 1 });
    const server = await startSimulatorServer(bigSim);
    try {
      let commits = 0;
      const client = createSaaSLLMClient({ baseUrl: server.url, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY });
      renderWithClient(
        <Profiler id="chat" onRender={() => commits++}>
          <Chat />
        </Profiler>,
        client,
      );
      await userEvent.click(screen.getByRole("button", { name: "Send" }));
      commits = 0;
      const started = performance.now();
      // 2,000 timers of 1 ms can take tens of seconds on a loaded machine. The bound below counts frames of the
      // elapsed time, so a slow run proves as much as a fast one.
      await waitFor(() => expect(status()).toBe("done"), { timeout: 60_000 });
      const elapsed = performance.now() - started;
      // jsdom's requestAnimationFrame runs at 60 Hz: one commit per frame at most, plus the terminal ones.
      const frames = Math.ceil(elapsed / (1000 / 60)) + 3;
      expect(text()).toBe(big);
      expect(bigSim.requestsTo("streamCreateAndCall")[0]).toBeTruthy();
      expect(commits).toBeLessThanOrEqual(frames);
      console.info(`[throttle] 2000 tokens in ${Math.round(elapsed)} ms: ${commits} commits (frame budget ${frames})`);
    } finally {
      await server.close();
    }
  }, 90_000);

  it("StrictMode: a send from a mount effect still sends one request", async () => {
    function AutoSend() {
      const chat = useChatStream({ model: "chat-fast" });
      useEffect(() => chat.send("Hi"), []); // eslint-disable-line react-hooks/exhaustive-deps
      return <p data-testid="status">{chat.status}</p>;
    }
    renderWithClient(<AutoSend />, sim.client(), { strict: true });
    await waitFor(() => expect(status()).toBe("done"));
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(1);
  });
});

describe("useChatStream: a newer send supersedes a running one", () => {
  const sim = useSimulatorServer({ replyText: REPLY, tokenDelayMs: 30 });
  it("aborts the older request (the shipped server still finishes and charges its job); the newer answer completes", async () => {
    renderWithClient(<Chat />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(text().length).toBeGreaterThan(0));
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("done"));
    expect(text()).toBe(REPLY);
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(2);
    await waitFor(() => expect(sim.simulator.ledger.openJobs()).toHaveLength(0), { timeout: 5000 });
    // The server as shipped finishes the superseded generation too (upstream-behaviour §5).
    expect(sim.simulator.ledger.jobs().map((j) => j.status).sort()).toEqual(["COMPLETED", "COMPLETED"]);
  });
});

describe("useChatStream: unmount before the server answered", () => {
  const sim = useSimulatorServer({ replyText: REPLY });
  it("unmount aborts the request the server is still holding: no job is created, none is left open", async () => {
    // The server holds the request until the client's abort ends the hold (a minute is never waited out).
    sim.simulator.script.next("streamCreateAndCall", { delayMs: 60_000 });
    // The simulator serves each request with the client's abort signal: note when the client's abort reaches it.
    let aborted = false;
    const server = await serveThrough(sim.simulator, (request) => request.signal.addEventListener("abort", () => void (aborted = true)));
    try {
      renderWithClient(<Removable><Chat /></Removable>, sim.client({ baseUrl: server.url }));
      await userEvent.click(screen.getByRole("button", { name: "Send" }));
      await waitFor(() => expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(1));
      await userEvent.click(screen.getByRole("button", { name: "Close" }));
      await waitFor(() => expect(aborted).toBe(true));
      expect(sim.simulator.ledger.jobs()).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("a connection cut right after [DONE]: the answer is complete, and the job the server left open is closed", async () => {
    // The exact SSE body of this reply, to cut it one byte before its end (inside the blank line after [DONE]).
    const probe = await sim.simulator.fetch(
      new Request(`${sim.server.url}/api/jobs/create-and-call-stream`, {
        method: "POST",
        headers: { authorization: `Bearer ${DEMO_VIRTUAL_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ team_id: DEMO_TEAM_ID, job_type: "probe", model: "chat-fast", messages: [{ role: "user", content: "Hello" }] }),
      }),
    );
    const total = (await probe.arrayBuffer()).byteLength;
    sim.simulator.reset();
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterBytes: total - 1 } });
    renderWithClient(<Chat />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toBe("done"));
    expect(text()).toBe(REPLY);
    expect(sim.simulator.ledger.openJobs()).toHaveLength(1);
    await waitFor(() => expect(sim.simulator.ledger.openJobs()).toEqual([]));
  });
});

describe("useChatStream: callbacks are read live", () => {
  const sim = useSimulatorServer({ replyText: REPLY, tokenDelayMs: 20 });
  it("an onToken replaced mid-stream receives the following tokens; onFinish is the latest one", async () => {
    const first: string[] = [];
    const second: string[] = [];
    const finished: string[] = [];
    function Swapping() {
      const [swapped, setSwapped] = useState(false);
      const chat = useChatStream({
        model: "chat-fast",
        onToken: (t) => (swapped ? second : first).push(t),
        onFinish: () => finished.push(swapped ? "second" : "first"),
      });
      return (
        <>
          <button onClick={() => chat.send("Hello")}>Send</button>
          <button onClick={() => setSwapped(true)}>Swap</button>
          <p data-testid="status">{chat.status}</p>
        </>
      );
    }
    renderWithClient(<Swapping />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(first.length).toBeGreaterThan(1));
    await userEvent.click(screen.getByRole("button", { name: "Swap" }));
    await waitFor(() => expect(status()).toBe("done"));
    expect(second.length).toBeGreaterThan(0);
    expect(first.join("") + second.join("")).toBe(REPLY);
    expect(finished).toEqual(["second"]);
  });
});

describe("useChatStream: onUnmount detach", () => {
  const sim = useSimulatorServer({ replyText: REPLY, tokenDelayMs: 10 });
  it("a detached stream finishes after its component unmounts, readable by id", async () => {
    function Writer() {
      const chat = useChatStream({ model: "chat-fast", id: "detached", onUnmount: "detach" });
      return <button onClick={() => chat.send("Hello")}>Send</button>;
    }
    function Reader() {
      const s = useChatStreamState("detached", (x) => `${x.status}: ${x.text}`);
      return <p data-testid="reader">{s}</p>;
    }
    renderWithClient(<><Removable><Writer /></Removable><Reader /></>, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByTestId("reader").textContent).toMatch(/^streaming: ./));
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.getByTestId("reader").textContent).toBe(`done: ${REPLY}`));
    expect(sim.simulator.ledger.charges()).toBe(1);
  });
});
