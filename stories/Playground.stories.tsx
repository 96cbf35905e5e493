import type { Meta, StoryObj } from "@storybook/react-vite";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { creditsQueryKey, JobCost, StreamStatus, TeamStatusBanner, useChatStream, useCredits, useJob, useSaaSLLMClient, type ErrorActionHandlers } from "@saas-litellm/react";
import { DEMO_VIRTUAL_KEY, type Simulator } from "@saas-litellm/react/testing";
import { useDemo } from "./support/demo";
import { LONG_REPLY } from "./support/replies";
import { SCENARIOS, SCENARIO_NAMES, type ScenarioName } from "./support/scenarios";
import { useOnClientEvents } from "./support/useClientEvents";

/** Scenarios that change the team itself: they stay until fixed (from a banner) or reset, unlike one-shot faults. */
const STANDING = new Set<ScenarioName>(["out-of-credits", "team-suspended", "team-paused", "re-auth", "no-model-access"]);
const ENDPOINT = "streamLLMCall";
const noop = () => undefined;

/** What a fix button reports: the standing scenario it undid (the note then says so). */
type OnFixed = (name: ScenarioName) => void;

/**
 * The banners' buttons, doing in the simulator what the real fix would do (sign in, top up, admin restores),
 * then asking again. "Choose another model" switches the model; the retry waits for the switch (see below).
 */
function useFixes(simulator: Simulator | null, again: () => void, onModel: (m: string) => void, onFixed: OnFixed): ErrorActionHandlers {
  const queryClient = useQueryClient();
  const teamId = useSaaSLLMClient().teamId;
  const refreshCredits = () => void queryClient.invalidateQueries({ queryKey: creditsQueryKey(teamId) });
  return {
    onRetry: again,
    onReauth: () => (simulator?.team().rotateKey(DEMO_VIRTUAL_KEY), onFixed("re-auth"), again()),
    onAddCredits: () => (simulator?.team().setCredits(100), refreshCredits(), onFixed("out-of-credits"), again()),
    onContactAdmin: () => (simulator?.team().resume(), onFixed("team-suspended"), onFixed("team-paused"), again()),
    onChooseModel: () => (onFixed("no-model-access"), onModel("chat-claude")),
  };
}

/** After "Choose another model": the failed message is asked again once the new model is in the hook's options. */
function useRetryOnModelChange(model: string, retry: () => void): void {
  const previous = useRef(model);
  useEffect(() => {
    if (previous.current === model) return;
    previous.current = model;
    retry();
  }, [model, retry]);
}

/** One conversation = one job: every answer streams inside it, and ending it charges the job once. */
function Conversation({ model, onModel, onEnd, onFixed }: { model: string; onModel(m: string): void; onEnd(): void; onFixed: OnFixed }) {
  const { simulator } = useDemo();
  const job = useJob({ jobType: "chat", pollIntervalMs: false });
  const chat = useChatStream({ model, job });
  const [input, setInput] = useState("Explain retries with backoff");
  const queryClient = useQueryClient();
  const teamId = useSaaSLLMClient().teamId;
  const again = () => (chat.messages.length ? chat.retry() : chat.send(input));
  const fixes = useFixes(simulator, again, onModel, onFixed);
  // Only a failed answer is asked again with the new model; a switch from the side panel applies to the next send.
  const failed = chat.status === "error";
  useRetryOnModelChange(model, failed ? chat.retry : noop);
  const closed = job.status === "completed" || job.status === "failed";
  const last = chat.messages.length - 1;
  return (
    <section className="playground__chat" aria-label="Conversation">
      {/* Account-wide errors show here once; the stream's own errors show in StreamStatus (accountErrors="team-banner"). */}
      <TeamStatusBanner onReauth={fixes.onReauth} onAddCredits={fixes.onAddCredits} onContactAdmin={fixes.onContactAdmin} />
      <ol className="playground__log" aria-label="Messages">
        {chat.messages.map((m, i) => {
          // A user message with no answer after it: the next message is the user's again, or it failed just now.
          const failed = m.role === "user" && (chat.messages[i + 1]?.role === "user" || (i === last && chat.status === "error"));
          return (
            <li key={i} className={`playground__msg playground__msg--${m.role}${failed ? " playground__msg--failed" : ""}`}>
              <strong>{m.role === "user" ? "You" : "Assistant"}{m.interrupted ? " (interrupted)" : ""}: </strong>
              {m.content}
              {failed ? <span className="playground__msg-flag"> — not answered</span> : null}
            </li>
          );
        })}
      </ol>
      {chat.isBusy ? <div className="demo__answer" role="region" aria-label="Answer">{chat.text}</div> : null}
      <StreamStatus status={chat.status} error={chat.error} onStop={chat.stop} onContinue={chat.continue} reason={chat.reason} retrying={chat.retrying} accountErrors="team-banner" {...fixes} />
      <form className="playground__form" onSubmit={(e) => (e.preventDefault(), chat.send(input), setInput(""))}>
        <label className="demo__row" style={{ flex: 1 }}>
          <span>Message</span>
          <input type="text" value={input} onChange={(e) => setInput(e.target.value)} disabled={closed} style={{ flex: 1 }} />
        </label>
        <button type="submit" disabled={chat.isBusy || closed || !input.trim()}>Send</button>
      </form>
      <div className="demo__row">
        <button type="button" disabled={!job.isActive || chat.isBusy} onClick={() => void job.complete().then(() => queryClient.invalidateQueries({ queryKey: creditsQueryKey(teamId) }))}>
          End conversation
        </button>
        <button type="button" onClick={onEnd}>New conversation</button>
        <span className="demo__meta">Job {job.jobId ? job.jobId.slice(0, 8) : "not started"} · {job.status}</span>
      </div>
      {/* Streamed answers carry no usage: the server's job costs report none, and JobCost says "not reported". */}
      {job.jobId ? <JobCost job={job} label="Cost of this conversation" /> : null}
    </section>
  );
}

interface Armed {
  name: ScenarioName;
  /** Requests to the stream endpoint when it was armed: one more means a one-shot fault was used. */
  before: number;
  /** A standing scenario that its banner's button undid. */
  fixed?: boolean;
}

/** What the scenario switcher says: armed, used, standing until fixed, or fixed. */
function armedText(simulator: Simulator, armed: Armed | null): string {
  if (!armed) return "Healthy: answers succeed.";
  const { label } = SCENARIOS[armed.name];
  if (armed.fixed) return `Fixed from its banner: ${label}. Answers succeed again.`;
  if (STANDING.has(armed.name)) return `Set: ${label}. It stays until fixed from its banner, or Reset simulator.`;
  return simulator.requestsTo(ENDPOINT).length > armed.before ? `Used: ${label}. The next answer is healthy.` : `Armed: ${label}, for the next answer.`;
}

/** Credits and the scenario switcher. */
function SidePanel({ model, onModel, armed, setArmed }: { model: string; onModel(m: string): void; armed: Armed | null; setArmed(a: Armed | null): void }) {
  const { simulator } = useDemo();
  const credits = useCredits({ lowThreshold: 20, refetchInterval: 3000 });
  const [scenario, setScenario] = useState<ScenarioName>("interrupted");
  useOnClientEvents();
  return (
    <aside className="playground__side" aria-label="Costs and scenarios">
      <h3>Credits</h3>
      <p className="demo__meta" data-testid="credits">
        {credits.creditsRemaining === undefined ? "…" : `${credits.creditsRemaining} remaining${credits.isOut ? " — out" : credits.isLow ? " — low" : ""}`}
      </p>
      <label className="demo__row">
        Model
        <select value={model} onChange={(e) => onModel(e.target.value)}>
          <option value="chat-fast">chat-fast (OpenAI shape)</option>
          <option value="chat-claude">chat-claude (Anthropic shape)</option>
          <option value="chat-gemini">chat-gemini (Gemini shape)</option>
        </select>
      </label>
      {simulator ? (
        <>
          <h3>Scenario</h3>
          <label className="demo__row">
            Fault
            <select value={scenario} onChange={(e) => setScenario(e.target.value as ScenarioName)}>
              {SCENARIO_NAMES.filter((n) => n !== "validation").map((n) => (
                <option key={n} value={n}>{SCENARIOS[n].label}</option>
              ))}
            </select>
          </label>
          <div className="demo__row">
            <button type="button" onClick={() => (SCENARIOS[scenario].arrange(simulator, ENDPOINT), setArmed({ name: scenario, before: simulator.requestsTo(ENDPOINT).length }))}>Apply to next answer</button>
            <button type="button" onClick={() => (simulator.reset(), setArmed(null), void credits.refetch())}>Reset simulator</button>
          </div>
          <p className="demo__note" role="status" data-testid="armed">{armedText(simulator, armed)}</p>
        </>
      ) : (
        <p className="demo__note">Real server through the /llm proxy.</p>
      )}
    </aside>
  );
}

/** A small chat app: job per conversation, streaming answers, costs and credits, and every failure one click away. */
function Playground() {
  const [model, setModel] = useState("chat-fast");
  const [conversation, setConversation] = useState(1);
  const [armed, setArmed] = useState<Armed | null>(null);
  const onFixed: OnFixed = (name) => setArmed((a) => (a && a.name === name && STANDING.has(name) ? { ...a, fixed: true } : a));
  return (
    <div className="demo" style={{ maxWidth: "60rem" }}>
      <h2>SaaS LiteLLM chat</h2>
      <div className="playground">
        <Conversation key={conversation} model={model} onModel={setModel} onEnd={() => setConversation((n) => n + 1)} onFixed={onFixed} />
        <SidePanel model={model} onModel={setModel} armed={armed} setArmed={setArmed} />
      </div>
    </div>
  );
}

const meta = {
  title: "Playground",
  component: Playground,
  parameters: { simulator: { replyText: LONG_REPLY, tokenDelayMs: 20 } },
} satisfies Meta<typeof Playground>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ChatApp: Story = { name: "Chat app" };
