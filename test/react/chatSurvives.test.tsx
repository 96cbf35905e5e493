// @vitest-environment jsdom
import { onlineManager } from "@tanstack/react-query";
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSaaSLLMClient, persistChat, StreamStatus, useChatStream, type ChatStreamOptions } from "../../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator } from "../../src/testing/index";
import { renderWithClient } from "./render";

const REPLY = "Once upon a time a chat answer survived a reload, a lost network and a double submit.";

function Chat(options: Partial<ChatStreamOptions>) {
  // Batches on timers rather than animation frames, so the fake clock drives what is shown.
  const chat = useChatStream({ model: "chat-fast", throttleMs: 16, ...options });
  return (
    <div>
      <button onClick={() => chat.send("Tell me a story")}>Send</button>
      <StreamStatus status={chat.status} reason={chat.reason} retrying={chat.retrying} offline={chat.offline} outcome={chat.outcome} error={chat.error} onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue} onSendAgain={chat.sendAgain} />
      <p data-testid="answer">{chat.text}</p>
      <p data-testid="busy">{chat.isBusy ? "busy" : "free"}</p>
    </div>
  );
}

let sim: Simulator;
const clientFor = () => createSaaSLLMClient({ baseUrl: "http://sim.test", teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, retry: { delay: () => 1 }, fetch: (input, init) => sim.fetch(new Request(input, init)) });
const answers = () => sim.requestsTo("streamCreateAndCall").length;
const live = () => screen.getByRole("status").textContent ?? "";
const answer = () => screen.getByTestId("answer").textContent ?? "";
const tick = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const charges = () => sim.ledger.jobs().reduce((n, job) => n + sim.ledger.charges(job.jobId), 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  localStorage.clear();
  sim = createSimulator({ preset: "live", seed: 7, replyText: REPLY, tokenDelayMs: 20 });
});
afterEach(() => {
  cleanup();
  onlineManager.setOnline(true);
  vi.useRealTimers();
});

const persist = { storage: "local" as const, key: "story", writeEveryMs: 100 };

/** Page one streams; what it had stored at `atMs` is what survives the reload (the page died then). */
async function reloadAt(atMs: number, { finishFirst = false } = {}) {
  renderWithClient(<Chat persist={persistChat(persist)} />, clientFor(), { strict: true });
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await tick(atMs);
  const stored = localStorage.getItem("story");
  const shown = answer();
  if (finishFirst) await tick(10_000);
  cleanup();
  await tick(10_000);
  localStorage.setItem("story", stored!);
  renderWithClient(<Chat persist={persistChat(persist)} />, clientFor(), { strict: true });
  return { shown };
}

describe("useChatStream survives a reload (persist, StrictMode)", () => {
  it("the partial answer comes back as interrupted with Retry and Continue, its fate is looked up, and nothing is re-sent", async () => {
    // A server that keeps an aborted job open (uvicorn 0.54); the shipped one finishes and charges it (next test).
    sim = createSimulator({ preset: "live", seed: 7, replyText: REPLY, tokenDelayMs: 20, abortedStreamJob: "open" });
    const { shown } = await reloadAt(250);
    expect(shown.length).toBeGreaterThan(0);
    const restored = answer();
    expect(restored.length).toBeGreaterThan(0);
    expect(REPLY.startsWith(restored)).toBe(true);
    expect(live()).toContain("Checking whether the server finished this answer");
    // Both pages watch the open job (the server might still finish it) for 30 s before it is closed.
    await tick(31_000);
    // Page one's unmount stopped the answer and its job was closed as failed: not charged.
    expect(live()).toBe("The answer did not arrive — the server may still have finished it. Not charged — the server did not finish this answer");
    expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Continue" })).toBeTruthy();
    await tick(10_000);
    expect(answers()).toBe(1);
    // One complete for the job, whichever page's watch ended first; StrictMode's discarded second engine
    // restored too, but never mounted, so it sent nothing.
    expect(sim.requestsTo("listTeamJobs").length).toBeLessThanOrEqual(20);
    expect(sim.requestsTo("completeJob")).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    await tick(10_000);
    expect(answer().startsWith(restored)).toBe(true);
    expect(answers()).toBe(2);
  });

  it("an answer the server finished and charged: says so, and only 'Send again (charged again)' re-sends", async () => {
    await reloadAt(250, { finishFirst: true });
    await tick(1_000);
    expect(live()).toContain("The server finished this answer and charged it, but its text was lost");
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
    expect(charges()).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: "Send again (charged again)" }));
    await tick(10_000);
    expect(answer()).toBe(REPLY);
    expect(answers()).toBe(2);
    expect(charges()).toBe(2);
  });
});

describe("useChatStream offline, on react-query's onlineManager", () => {
  it("a send made offline is held with a countdown, then sent once the network is back", async () => {
    onlineManager.setOnline(false);
    renderWithClient(<Chat />, clientFor(), { strict: true });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await tick(0);
    expect(live()).toBe("Offline — it will be sent when the network is back (held 60 s more)");
    for (let s = 0; s < 15; s++) await tick(1_000);
    expect(live()).toBe("Offline — it will be sent when the network is back (held 45 s more)");
    expect(screen.getByRole("button", { name: "Cancel" })).toBeTruthy();
    expect(screen.getByTestId("busy").textContent).toBe("busy");
    expect(answers()).toBe(0);
    act(() => onlineManager.setOnline(true));
    await tick(10_000);
    expect(answer()).toBe(REPLY);
    expect(answers()).toBe(1);
  });

  it("Cancel drops the held send: nothing goes out after reconnecting", async () => {
    onlineManager.setOnline(false);
    renderWithClient(<Chat />, clientFor(), { strict: true });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await tick(1_000);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(live()).toBe("Stopped — the answer is incomplete");
    act(() => onlineManager.setOnline(true));
    await tick(10_000);
    expect(answers()).toBe(0);
  });

  it("past the window the send is dropped with a clear state and a Retry", async () => {
    onlineManager.setOnline(false);
    renderWithClient(<Chat offline={{ windowMs: 20_000 }} />, clientFor(), { strict: true });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await tick(20_000);
    expect(live()).toBe("Not sent — the device stayed offline too long");
    expect(screen.getByRole("alert").textContent).toMatch(/connection problem/i);
    act(() => onlineManager.setOnline(true));
    await tick(10_000);
    expect(answers()).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: /try again|retry/i }));
    await tick(10_000);
    expect(answer()).toBe(REPLY);
    expect(answers()).toBe(1);
  });
});
