import type { Meta, StoryObj } from "@storybook/react-vite";
import { onlineManager } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { indexedDBStorage, persistChat, StreamStatus, useChatStream, type ChatStreamOptions } from "@saas-litellm/react";
import { useDemo } from "./support/demo";
import { LONG_REPLY } from "./support/replies";
import { useOnClientEvents } from "./support/useClientEvents";

type Scenario = "offline" | "reload-local" | "reload-indexeddb" | "charged-while-away" | "timeout" | "queue" | "reject";

/** What the simulator received from this page: the proof that a reload sends nothing by itself. */
function ServerLog() {
  const { simulator } = useDemo();
  useOnClientEvents();
  if (!simulator) return null;
  const count = (endpoint: "streamCreateAndCall" | "listTeamJobs" | "completeJob") => simulator.requestsTo(endpoint).length;
  return (
    <p className="demo__meta" data-testid="server-log">
      answers sent: {count("streamCreateAndCall")} · job lookups: {count("listTeamJobs")} · jobs closed: {count("completeJob")}
    </p>
  );
}

const storageOf = (scenario: Scenario) => (scenario === "reload-indexeddb" ? indexedDBStorage({ dbName: "saas-litellm-stories" }) : "local");

/** A chat whose stored copy survives a reload; `charged-while-away` first lets the server finish the stored answer. */
function ResilientChat({ scenario }: { scenario: Scenario }) {
  const options: Partial<ChatStreamOptions> = scenario === "queue" || scenario === "reject" ? { whenBusy: scenario } : {};
  const persistent = scenario.startsWith("reload") || scenario === "charged-while-away";
  const chat = useChatStream({ model: "chat-fast", ...options, ...(persistent ? { persist: persistChat({ storage: storageOf(scenario), key: `story-${scenario}`, writeEveryMs: 200 }) } : {}) });
  const [network, setNetwork] = useState(() => onlineManager.isOnline());
  useEffect(() => onlineManager.subscribe(setNetwork), []);
  return (
    <div className="demo">
      <div className="demo__row">
        <button type="button" onClick={() => chat.send("Explain retries with backoff")}>
          Send
        </button>
        {scenario === "queue" || scenario === "reject" ? (
          <button type="button" onClick={() => chat.send("And what about jitter?")}>
            Send a follow-up
          </button>
        ) : null}
        {scenario === "offline" ? (
          <button type="button" onClick={() => onlineManager.setOnline(!network)}>
            {network ? "Go offline" : "Go online"}
          </button>
        ) : null}
        <button type="button" onClick={chat.reset}>
          Clear
        </button>
      </div>
      <div className="demo__answer" role="region" aria-label="Answer" data-testid="answer">
        {chat.text}
      </div>
      <StreamStatus status={chat.status} reason={chat.reason} retrying={chat.retrying} offline={chat.offline} outcome={chat.outcome} error={chat.error} onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue} onSendAgain={chat.sendAgain} />
      {chat.queue.length ? (
        <ol aria-label="Queued sends">
          {chat.queue.map((q) => (
            <li key={q.id}>
              {q.text}{" "}
              <button type="button" onClick={() => chat.cancelQueued(q.id)}>
                Cancel “{q.text}”
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {chat.queuePaused ? (
        <p>
          The queue is paused after an unfinished answer.{" "}
          <button type="button" onClick={chat.resumeQueue}>
            Send the next
          </button>
        </p>
      ) : null}
      <p className="demo__meta" data-testid="meta">
        status: {chat.status} · messages: {chat.messages.length} · network: {network ? "online" : "offline"}
      </p>
      <ServerLog />
    </div>
  );
}

/**
 * The server finished an answer whose page went away mid-stream: its job is completed and charged, and the
 * stored copy holds only the start. (The story plays both: it runs that answer to the end, then stores the
 * partial state the page had when it "went away".)
 */
function ChargedWhileAway() {
  const { client } = useDemo();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const key = "story-charged-while-away";
    const clientRequestId = `story-${Date.now()}`;
    const startedAt = Date.now();
    void client.streamCreateAndCall({ model: "chat-fast", messages: [{ role: "user", content: "Explain retries with backoff" }], job_type: "chat", job_metadata: { client_request_id: clientRequestId } }).then((answer) => {
      if (cancelled) return;
      const partial = answer.text.slice(0, 80);
      const messages = [{ role: "user", content: "Explain retries with backoff" }, { role: "assistant", content: partial }];
      localStorage.setItem(key, JSON.stringify({ schema: 1, version: 1, savedAt: Date.now(), messages, text: partial, status: "streaming", reason: null, jobId: null, clientRequestId, startedAt }));
      setReady(true);
    });
    return () => void (cancelled = true);
  }, [client]);
  return ready ? <ResilientChat scenario="charged-while-away" /> : <p>Letting the server finish the answer…</p>;
}

function Demo({ scenario }: { scenario: Scenario }) {
  return scenario === "charged-while-away" ? <ChargedWhileAway /> : <ResilientChat scenario={scenario} />;
}

const meta = {
  title: "Hooks/useChatStream/Resilience",
  component: Demo,
  argTypes: { scenario: { control: "select", options: ["offline", "reload-local", "reload-indexeddb", "charged-while-away", "timeout", "queue", "reject"] } },
  parameters: {
    simulator: { preset: "live", replyText: LONG_REPLY, tokenDelayMs: 60 },
    docs: {
      description: {
        component:
          "Answers that survive a reload (`persist: persistChat(...)`), a lost network (held on react-query's `onlineManager`), a double submit (`whenBusy`) and an unknown outcome (the job is looked up before any re-send; a charged one needs **Send again (charged again)**).",
      },
    },
  },
} satisfies Meta<typeof Demo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Go offline, then Send: the send is held with a countdown and Cancel; Go online sends it. */
export const Offline: Story = { args: { scenario: "offline" } };
/** Send, then reload the page mid-answer: the partial comes back as interrupted, its job is looked up, nothing is re-sent. */
export const ReloadMidAnswer: Story = { args: { scenario: "reload-local" } };
/** The same, stored in IndexedDB (async storage). */
export const ReloadMidAnswerIndexedDB: Story = { name: "Reload mid-answer (IndexedDB)", args: { scenario: "reload-indexeddb" } };
/** The server finished and charged the answer the page lost: Retry gives way to "Send again (charged again)". */
export const ChargedWhileAway_: Story = { name: "Charged while away", args: { scenario: "charged-while-away" } };
/** The buffering server answers after the client's 2 s limit: not retried by itself (a second charge). The server finishes the generation and charges it; the client watches the job, says so, and offers "Send again (charged again)". */
export const TimeoutUnknownOutcome: Story = {
  args: { scenario: "timeout" },
  parameters: { simulator: { preset: "upstream", replyText: LONG_REPLY, tokenDelayMs: 100 }, client: { timeouts: { streamCreateAndCall: 2_000 } } },
};
/** `whenBusy: "queue"`: a follow-up sent while answering waits in a visible, cancellable queue. */
export const Queue: Story = { args: { scenario: "queue" } };
/** `whenBusy: "reject"`: a follow-up while answering is dropped; the running answer goes on. */
export const Reject: Story = { args: { scenario: "reject" } };
