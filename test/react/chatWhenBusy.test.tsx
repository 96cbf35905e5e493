// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { StreamStatus, useChatStream, type ChatStreamOptions } from "../../src/index";
import { useSimulatorServer } from "../helpers";
import { renderWithClient } from "./render";

function Chat(props: Partial<ChatStreamOptions>) {
  const chat = useChatStream({ model: "chat-fast", ...props });
  return (
    <div>
      <button onClick={() => chat.send("First")}>Send first</button>
      <button onClick={() => chat.send("Second")}>Send second</button>
      <button onClick={() => chat.send("Third")}>Send third</button>
      <button onClick={chat.resumeQueue}>Resume queue</button>
      <button onClick={chat.retry}>Retry</button>
      <button onClick={chat.sendAgain}>Send again</button>
      <p data-testid="charge">{chat.outcome?.status ?? ""}</p>
      <StreamStatus status={chat.status} reason={chat.reason} onStop={chat.stop} />
      <ul aria-label="Queue">
        {chat.queue.map((q) => (
          <li key={q.id}>
            {q.text} <button onClick={() => chat.cancelQueued(q.id)}>{`Cancel ${q.text}`}</button>
          </li>
        ))}
      </ul>
      <p data-testid="paused">{chat.queuePaused ? "paused" : "running"}</p>
      <ol aria-label="Messages">{chat.messages.map((m, i) => <li key={i}>{`${m.role}: ${m.role === "user" ? m.content : m.reason ?? "answered"}`}</li>)}</ol>
    </div>
  );
}

const click = (name: string) => fireEvent.click(screen.getByRole("button", { name }));
const queued = () => screen.queryAllByRole("listitem").filter((li) => li.closest("[aria-label='Queue']")).map((li) => li.firstChild?.textContent?.trim());
const messages = () => screen.queryAllByRole("listitem").filter((li) => li.closest("[aria-label='Messages']")).map((li) => li.textContent);
const userBodies = (sim: ReturnType<typeof useSimulatorServer>) =>
  sim.simulator.requestsTo("streamCreateAndCall").map((r) => ((r.body as { messages: Array<{ content: string }> }).messages.at(-1)?.content));

describe("useChatStream whenBusy", () => {
  const sim = useSimulatorServer({ preset: "live", replyText: "A short answer for the queue test.", tokenDelayMs: 5 });

  it("queue: sends wait in a visible queue and go out one by one, each after the answer before it", async () => {
    renderWithClient(<Chat whenBusy="queue" />, sim.client());
    click("Send first");
    click("Send second");
    click("Send third");
    expect(queued()).toEqual(["Second", "Third"]);
    await waitFor(() => expect(messages()).toEqual(["user: First", "assistant: answered", "user: Second", "assistant: answered", "user: Third", "assistant: answered"]));
    expect(userBodies(sim)).toEqual(["First", "Second", "Third"]);
    expect(queued()).toEqual([]);
  });

  it("queue under StrictMode: a send from a mount effect is sent once, the queue still drains in order", async () => {
    function AutoSend() {
      const chat = useChatStream({ model: "chat-fast", whenBusy: "queue" });
      const { send } = chat;
      useEffect(() => send("First"), [send]);
      return (
        <div>
          <button onClick={() => send("Second")}>Send second</button>
          <p data-testid="count">{chat.messages.length}</p>
        </div>
      );
    }
    renderWithClient(<AutoSend />, sim.client(), { strict: true });
    click("Send second");
    await waitFor(() => expect(screen.getByTestId("count").textContent).toBe("4"));
    expect(userBodies(sim)).toEqual(["First", "Second"]);
  });

  it("queue: a held send can be cancelled, and nothing is sent for it", async () => {
    renderWithClient(<Chat whenBusy="queue" />, sim.client());
    click("Send first");
    click("Send second");
    click("Send third");
    click("Cancel Second");
    expect(queued()).toEqual(["Third"]);
    await waitFor(() => expect(messages()).toHaveLength(4));
    expect(userBodies(sim)).toEqual(["First", "Third"]);
  });

  it("queue: an unfinished answer pauses the queue (nothing dropped); resume sends the next", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 2 } });
    renderWithClient(<Chat whenBusy="queue" />, sim.client({ retry: false }));
    click("Send first");
    click("Send second");
    await waitFor(() => expect(screen.getByTestId("paused").textContent).toBe("paused"));
    expect(queued()).toEqual(["Second"]);
    expect(userBodies(sim)).toEqual(["First"]);
    click("Resume queue");
    await waitFor(() => expect(messages()).toEqual(["user: First", "assistant: network", "user: Second", "assistant: answered"]));
    expect(userBodies(sim)).toEqual(["First", "Second"]);
  });

  it("queue: Stop pauses the queue too; the stopped answer is charged (the server finished it), so only Send again re-sends, and its success resumes the queue", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 200 } });
    renderWithClient(<Chat whenBusy="queue" />, sim.client());
    click("Send first");
    click("Send second");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Streaming…"));
    click("Stop");
    await waitFor(() => expect(screen.getByTestId("paused").textContent).toBe("paused"));
    expect(userBodies(sim)).toEqual(["First"]);
    await waitFor(() => expect(screen.getByTestId("charge").textContent).toBe("charged"), { timeout: 10_000 });
    click("Retry");
    expect(userBodies(sim)).toEqual(["First"]);
    click("Send again");
    await waitFor(() => expect(messages()).toEqual(["user: First", "assistant: answered", "user: Second", "assistant: answered"]));
    expect(userBodies(sim)).toEqual(["First", "First", "Second"]);
  });

  it("reject: a send while busy sends nothing and the running answer goes on", async () => {
    renderWithClient(<Chat whenBusy="reject" />, sim.client());
    click("Send first");
    click("Send second");
    expect(queued()).toEqual([]);
    await waitFor(() => expect(messages()).toEqual(["user: First", "assistant: answered"]));
    expect(userBodies(sim)).toEqual(["First"]);
  });

  it("interrupt (the default): the newer send stops the running answer and wins", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 200 } });
    renderWithClient(<Chat />, sim.client());
    click("Send first");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Streaming…"));
    click("Send second");
    // The stopped answer is left out of the conversation the newer send carries.
    await waitFor(() => expect(messages()).toEqual(["user: First", "user: Second", "assistant: answered"]));
    expect(userBodies(sim)).toEqual(["First", "Second"]);
  });
});
