import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useRef } from "react";
import { StreamStatus, useChatStream, type StreamStatusProps } from "@saas-litellm/react";
import { useDemo } from "./support/demo";
import { LONG_REPLY } from "./support/replies";

type Scenario = "streaming" | "retrying" | "done" | "interrupted" | "stopped" | "error";

/** Drives a real stream into one state, then shows `<StreamStatus>` for it (the controls' props go along). */
function StreamStatusDemo({ scenario, accountErrors, className }: Pick<StreamStatusProps, "accountErrors" | "className"> & { scenario: Scenario }) {
  const { simulator } = useDemo();
  const chat = useChatStream({ model: "chat-fast", retry: scenario !== "error" });
  const { send, stop, chunkCount, status } = chat;
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const STREAM = "streamCreateAndCall";
    if (scenario === "streaming" || scenario === "stopped") simulator?.script.next(STREAM, { stream: { tokenDelayMs: 400 } });
    if (scenario === "interrupted") simulator?.script.next(STREAM, { stream: { cutAfterChunks: 10 } });
    if (scenario === "error") simulator?.script.next(STREAM, { status: 503 });
    // A long Retry-After keeps the story in its countdown.
    if (scenario === "retrying") simulator?.script.next(STREAM, { status: 429, detail: "Rate limit exceeded", headers: { "retry-after": "60" } });
    send("Explain retries with backoff");
  }, [scenario, simulator, send]);
  useEffect(() => {
    if (scenario === "stopped" && status === "streaming" && chunkCount >= 4) stop();
  }, [scenario, status, chunkCount, stop]);
  return (
    <div className="demo">
      <div className="demo__answer" role="region" aria-label="Answer">{chat.text}</div>
      <StreamStatus
        status={chat.status}
        reason={chat.reason}
        retrying={chat.retrying}
        error={chat.error}
        onStop={chat.stop}
        onRetry={chat.retry}
        onContinue={chat.continue}
        accountErrors={accountErrors}
        className={className}
      />
    </div>
  );
}

/** Props a real stream sets (its status, reason, wait, error and actions): shown in the table, set by the stream. */
const FROM_THE_STREAM = ["status", "reason", "retrying", "retryingAt", "offline", "outcome", "error", "onStop", "onRetry", "onContinue", "onSendAgain", "onReauth", "onAddCredits", "onChooseModel", "onContactAdmin"];

const meta = {
  title: "Components/StreamStatus",
  component: StreamStatus,
  tags: ["autodocs"],
  args: { status: "idle", accountErrors: "inline", className: "" },
  argTypes: { accountErrors: { control: "inline-radio", options: ["inline", "team-banner"] } },
  render: ({ accountErrors, className }, { parameters }) => <StreamStatusDemo scenario={parameters.scenario as Scenario} accountErrors={accountErrors} className={className} />,
  parameters: {
    simulator: { replyText: LONG_REPLY, tokenDelayMs: 20 },
    docs: {
      description: {
        component:
          "One progress line per stream state, with Stop, Retry and Continue, and on `error` an `ErrorBanner` with the next step. Each story below reaches its state with a real stream from the simulator; **Props** renders the component straight from the controls.",
      },
    },
  },
} satisfies Meta<typeof StreamStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const live = (scenario: Scenario): Story => ({ parameters: { scenario }, argTypes: Object.fromEntries(FROM_THE_STREAM.map((name) => [name, { control: false }])) });

/** Every prop from the controls: pick a status and a reason, and see the line a user would see. */
export const Props: Story = {
  args: { status: "interrupted", reason: "network", onStop: () => undefined, onRetry: () => undefined, onContinue: () => undefined },
  argTypes: {
    status: { control: "select", options: ["idle", "offline", "connecting", "retrying", "streaming", "done", "interrupted", "error", "stopped"] },
    reason: { control: "select", options: [null, "stopped", "length", "content_filter", "network", "stalled", "server_error", "rate_limited", "refused", "unknown_outcome", "offline"] },
  },
  render: (args) => <StreamStatus {...args} />,
};
export const Streaming = live("streaming");
export const Retrying = live("retrying");
export const Done = live("done");
export const Interrupted = live("interrupted");
export const Stopped = live("stopped");
export const Failed: Story = { ...live("error"), name: "Error" };
