import { describe, expect, it, vi } from "vitest";
import { SaaSLLMError } from "../SaaSLLMError";
import { chatReducer, initialChatMachine, type ChatAction, type ChatMachine } from "./chatReducer";

// The engine needs no React.
vi.mock("react", () => ({}));

const user = { role: "user", content: "Hi" };
const send = { type: "send", runId: 1, plan: { conversation: [user], request: [user], base: "" }, at: 0, jobId: null, clientRequestId: "c1" } as const satisfies ChatAction;
const run = (...actions: ChatAction[]): ChatMachine => actions.reduce(chatReducer, initialChatMachine);
const wait = (attempt: number, runId = 1): ChatAction => ({ type: "wait", runId, wait: { attempt, maxAttempts: 3, nextRetryAt: 5000 } });
const failed = (error: SaaSLLMError, t = ""): ChatAction => ({ type: "settle", runId: 1, outcome: { kind: "failed", error, text: t } });
const done = (finishReason: string): ChatAction => ({ type: "settle", runId: 1, outcome: { kind: "done", text: "Hello", usage: null, finishReason, jobId: null } });

describe("chatReducer: the retry wait", () => {
  it("connecting → retrying with attempt, maximum and time; the next wait replaces it", () => {
    expect(run(send, wait(2)).state).toMatchObject({ status: "retrying", retrying: { attempt: 2, maxAttempts: 3, nextRetryAt: 5000 } });
    expect(run(send, wait(2), wait(3)).state.retrying?.attempt).toBe(3);
  });

  it("leaves retrying when the stream opens or text arrives", () => {
    expect(run(send, wait(2), { type: "open", runId: 1, jobId: null, at: 5 }).state).toMatchObject({ status: "generating", generatingSince: 5, retrying: null });
    expect(run(send, wait(2), { type: "text", runId: 1, text: "He", chunkCount: 1 }).state).toMatchObject({ status: "streaming", retrying: null });
  });

  it("ignores a wait of another run or after text", () => {
    const m = run(send);
    expect(chatReducer(m, wait(2, 7))).toBe(m);
    const streaming = run(send, { type: "text", runId: 1, text: "He", chunkCount: 1 });
    expect(chatReducer(streaming, wait(2))).toBe(streaming);
  });

  it("stop while retrying is stopped with the reason, and clears the wait", () => {
    expect(run(send, wait(2), { type: "stop" }).state).toMatchObject({ status: "stopped", reason: "stopped", retrying: null });
  });

  it("retries exhausted: the error's reason, and no wait left", () => {
    const error = new SaaSLLMError({ kind: "rate_limited", message: "slow down", status: 429 });
    expect(run(send, wait(2), wait(3), failed(error)).state).toMatchObject({ status: "error", reason: "rate_limited", retrying: null });
  });
});

describe("chatReducer: the reason of an unfinished answer", () => {
  it("is null for a complete answer and while running", () => {
    expect(run(send).state.reason).toBeNull();
    expect(run(send, done("stop")).state.reason).toBeNull();
  });

  it.each([
    ["length", "length"],
    ["content_filter", "content_filter"],
  ] as const)("a done answer with finish_reason %s carries %s on the state and the message", (finishReason, reason) => {
    const { state } = run(send, done(finishReason));
    expect(state).toMatchObject({ status: "done", reason });
    expect(state.messages.at(-1)).toEqual({ role: "assistant", content: "Hello", reason });
  });

  it("a stopped answer's message says stopped", () => {
    const { state } = run(send, { type: "text", runId: 1, text: "He", chunkCount: 1 }, { type: "stop" });
    expect(state.messages.at(-1)).toEqual({ role: "assistant", content: "He", interrupted: true, reason: "stopped" });
  });

  it("a stall is its own reason", () => {
    const cause = new SaaSLLMError({ kind: "timeout", message: "no data" });
    const error = new SaaSLLMError({ kind: "stream_interrupted", message: "cut", cause });
    expect(run(send, failed(error, "He")).state).toMatchObject({ status: "interrupted", reason: "stalled" });
  });
});

describe("chatReducer: the send queue", () => {
  const item = (id: number) => ({ id, text: `q${id}`, input: `q${id}` });

  it("holds sends in order across a new run, takes one out by id, and pauses and resumes", () => {
    const m = run(send, { type: "enqueue", item: item(1) }, { type: "enqueue", item: item(2) });
    expect(m.state.queue.map((q) => q.id)).toEqual([1, 2]);
    const next = run(send, { type: "enqueue", item: item(1) }, { type: "enqueue", item: item(2) }, { type: "unqueue", id: 1 }, { ...send, runId: 2 });
    expect(next.state.queue.map((q) => q.id)).toEqual([2]);
    const paused = chatReducer(m, { type: "pauseQueue", paused: true });
    expect(paused.state.queuePaused).toBe(true);
    expect(chatReducer(paused, { type: "pauseQueue", paused: true })).toBe(paused);
  });

  it("reset clears the queue; a disposed machine holds nothing", () => {
    expect(run(send, { type: "enqueue", item: item(1) }, { type: "reset" }).state.queue).toEqual([]);
    const disposed = run({ type: "dispose" });
    expect(chatReducer(disposed, { type: "enqueue", item: item(1) })).toBe(disposed);
  });
});
