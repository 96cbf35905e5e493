import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useRef } from "react";
import { StreamStatus, useChatStream } from "@saas-litellm/react";
import { useDemo } from "./support/demo";
import { LONG_REPLY } from "./support/replies";

type Scenario = "streaming" | "retrying" | "done" | "interrupted" | "stopped" | "error";

/** Drives a real stream into one state, then shows `<StreamStatus>` for it. */
function StreamStatusDemo({ scenario }: { scenario: Scenario }) {
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
      <StreamStatus status={chat.status} reason={chat.reason} retrying={chat.retrying} error={chat.error} onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue} />
    </div>
  );
}

const meta = {
  title: "Components/StreamStatus",
  component: StreamStatusDemo,
  tags: ["autodocs"],
  argTypes: { scenario: { control: "select", options: ["streaming", "retrying", "done", "interrupted", "stopped", "error"] } },
  parameters: {
    simulator: { replyText: LONG_REPLY, tokenDelayMs: 20 },
    docs: { description: { component: "`<StreamStatus status error onStop onRetry onContinue />`: one progress line per stream state, each reached by a real stream from the simulator." } },
  },
} satisfies Meta<typeof StreamStatusDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Streaming: Story = { args: { scenario: "streaming" } };
export const Retrying: Story = { args: { scenario: "retrying" } };
export const Done: Story = { args: { scenario: "done" } };
export const Interrupted: Story = { args: { scenario: "interrupted" } };
export const Stopped: Story = { args: { scenario: "stopped" } };
export const Failed: Story = { name: "Error", args: { scenario: "error" } };
