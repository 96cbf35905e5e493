import { describe, expect, it, vi } from "vitest";
import { SaaSLLMError } from "../SaaSLLMError";
import { chatReducer, initialChatMachine, type ChatAction, type ChatMachine } from "./chatReducer";

// The engine needs no React.
vi.mock("react", () => ({}));

const user = { role: "user", content: "Hi" };
const send = (runId = 1, base = ""): ChatAction => ({ type: "send", runId, plan: { conversation: [user], request: [user], base }, at: 0, jobId: null, clientRequestId: "c1" });
const run = (...actions: ChatAction[]): ChatMachine => actions.reduce(chatReducer, initialChatMachine);
const err = (kind: SaaSLLMError["kind"]) => new SaaSLLMError({ kind, message: kind });
const text = (t: string, runId = 1): ChatAction => ({ type: "text", runId, text: t, chunkCount: t.length });
const failed = (kind: SaaSLLMError["kind"], t = "", runId = 1): ChatAction => ({ type: "settle", runId, outcome: { kind: "failed", error: err(kind), text: t } });
const done = (t: string, runId = 1): ChatAction => ({ type: "settle", runId, outcome: { kind: "done", text: t, usage: null, finishReason: "stop", jobId: null } });

describe("chatReducer: every transition", () => {
  it("idle → connecting on send, with the conversation and the run", () => {
    const m = run(send());
    expect(m.state).toMatchObject({ status: "connecting", text: "", messages: [user], clientRequestId: "c1", error: null });
    expect(m.run).toEqual({ id: 1, conversation: [user] });
  });

  it("a continued answer starts from its base text, shown as the assistant message", () => {
    expect(run(send(1, "Once")).state).toMatchObject({ status: "connecting", text: "Once", messages: [user, { role: "assistant", content: "Once" }] });
  });

  it("open: the server accepted the call, it is generating (since when), and the job id is recorded", () => {
    expect(run(send(), { type: "open", runId: 1, jobId: "j1", at: 7 }).state).toMatchObject({ status: "generating", generatingSince: 7, jobId: "j1" });
    expect(run(send(), { type: "open", runId: 1, jobId: "j1", at: 7 }, text("He")).state).toMatchObject({ status: "streaming", generatingSince: null });
    expect(run(send(), { type: "open", runId: 1, jobId: null, at: 0 }).state.jobId).toBeNull();
  });

  it("offline: a held send is offline, then connecting (not generating) once the network is back; a stop of it checks no charge", () => {
    const held = run(send(), { type: "hold", runId: 1, hold: { since: 0, expiresAt: 10 } });
    expect(held.state).toMatchObject({ status: "offline", offline: { since: 0, expiresAt: 10 } });
    expect(chatReducer(held, { type: "online", runId: 1 }).state).toMatchObject({ status: "connecting", offline: null, generatingSince: null });
    expect(chatReducer(held, { type: "stop" })).toMatchObject({ check: null, state: { status: "stopped", outcome: null } });
  });

  it("a stop of a single-shot answer under way asks for its charge check (the server may finish it)", () => {
    const stopped = chatReducer(run(send(), { type: "open", runId: 1, jobId: null, at: 5 }), { type: "stop" });
    expect(stopped).toMatchObject({ check: { clientRequestId: "c1", since: 0 }, state: { status: "stopped", outcome: { status: "checking" } } });
    const answered = chatReducer(stopped, { type: "outcome", outcome: { status: "charged", jobId: "j" }, check: stopped.check! });
    expect(answered).toMatchObject({ check: null, state: { outcome: { status: "charged", jobId: "j" } } });
    // An outcome for a check that is no longer due (a newer send) changes nothing.
    const newer = chatReducer(stopped, send(2));
    expect(chatReducer(newer, { type: "outcome", outcome: { status: "charged", jobId: "j" }, check: stopped.check! })).toBe(newer);
  });

  it("text → streaming, then more text", () => {
    expect(run(send(), text("He")).state).toMatchObject({ status: "streaming", text: "He", chunkCount: 2 });
    expect(run(send(), text("He"), text("Hello")).state.text).toBe("Hello");
  });

  it("settle done → done with the answer appended; the run is over", () => {
    const m = run(send(), text("He"), done("Hello"));
    expect(m.state).toMatchObject({ status: "done", text: "Hello", finishReason: "stop", messages: [user, { role: "assistant", content: "Hello" }] });
    expect(m.run).toBeNull();
  });

  it("a failure with no text goes connecting → error, never through streaming", () => {
    const m = run(send(), failed("team_paused"));
    expect(m.state.status).toBe("error");
    expect(m.state.error?.kind).toBe("team_paused");
    expect(m.state.messages).toEqual([user]);
  });

  it("a cut keeps the partial answer as an interrupted message", () => {
    const m = run(send(), text("Hel"), failed("stream_interrupted", "Hello"));
    expect(m.state).toMatchObject({ status: "interrupted", text: "Hello", messages: [user, { role: "assistant", content: "Hello", interrupted: true }] });
    expect(run(send(), failed("stream_interrupted")).state.messages).toEqual([user, { role: "assistant", content: "", interrupted: true, reason: "network" }]);
  });

  it("an error after some text keeps it", () => {
    expect(run(send(), text("Hel"), failed("stream_error", "Hel")).state).toMatchObject({ status: "error", text: "Hel", messages: [user, { role: "assistant", content: "Hel", interrupted: true }] });
  });

  it("an aborted settle is `stopped` without an error", () => {
    expect(run(send(), text("Hel"), failed("aborted", "Hel")).state).toMatchObject({ status: "stopped", error: null, text: "Hel" });
  });

  it("stop ends the run at once with the text shown so far; its late settle is ignored", () => {
    const stopped = run(send(), text("Hel"), { type: "stop" });
    expect(stopped.state).toMatchObject({ status: "stopped", messages: [user, { role: "assistant", content: "Hel" }] });
    expect(stopped.run).toBeNull();
    expect(chatReducer(stopped, failed("aborted", "Hello"))).toBe(stopped);
    expect(chatReducer(stopped, text("Hello world"))).toBe(stopped);
  });

  it("stop, reset-free: a second send after stop starts a new run", () => {
    const m = run(send(), { type: "stop" }, send(2));
    expect(m.run?.id).toBe(2);
    expect(m.state.status).toBe("connecting");
  });

  it("send while a run is active is refused (the engine stops the old run first)", () => {
    const busy = run(send(), text("He"));
    expect(chatReducer(busy, send(2))).toBe(busy);
  });

  it("actions of another run are ignored: no streaming after the run ended", () => {
    const errored = run(send(), failed("forbidden"));
    expect(chatReducer(errored, text("late"))).toBe(errored);
    expect(chatReducer(errored, { type: "open", runId: 1, jobId: "j", at: 0 })).toBe(errored);
    const second = run(send(), { type: "stop" }, send(2));
    expect(chatReducer(second, text("old", 1))).toBe(second);
    expect(chatReducer(second, done("old", 1))).toBe(second);
  });

  it("reset clears state and the run: nothing of the old run can land after it", () => {
    const m = run(send(), text("He"), { type: "reset" });
    expect(m).toEqual(initialChatMachine);
    expect(chatReducer(m, text("Hello"))).toBe(m);
    expect(chatReducer(m, done("Hello"))).toBe(m);
  });

  it("refuse shows a bad_request error when idle or finished; ignored while a run is active", () => {
    const refused = chatReducer(initialChatMachine, { type: "refuse", error: err("bad_request") });
    expect(refused.state).toMatchObject({ status: "error", messages: [] });
    expect(refused.state.error?.kind).toBe("bad_request");
    const busy = run(send(), text("He"));
    expect(chatReducer(busy, { type: "refuse", error: err("bad_request") })).toBe(busy);
  });

  it("dispose stops a running answer and refuses every later send", () => {
    const m = run(send(), text("He"), { type: "dispose" });
    expect(m.state.status).toBe("stopped");
    expect(m.disposed).toBe(true);
    expect(chatReducer(m, send(2))).toBe(m);
    expect(chatReducer(m, { type: "refuse", error: err("bad_request") })).toBe(m);
    expect(run({ type: "dispose" }).state.status).toBe("idle");
  });

  it("stop when idle and open after text change nothing", () => {
    expect(chatReducer(initialChatMachine, { type: "stop" })).toBe(initialChatMachine);
    const streaming = run(send(), text("He"));
    expect(chatReducer(streaming, { type: "open", runId: 1, jobId: "j", at: 0 })).toBe(streaming);
  });
});
