import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { StreamStatus, useChatStream, type ChatStreamOptions } from "@saas-litellm/react";
import { FaultPanel, type FaultAction } from "./support/FaultPanel";
import { NOT_CONTROLS, UseChatStreamOptions } from "./support/hookOptions";
import { LONG_REPLY } from "./support/replies";

const STREAM = "streamCreateAndCall";

const FAULTS: FaultAction[] = [
  { label: "Cut the stream", run: (sim) => sim.script.next(STREAM, { stream: { cutAfterChunks: 8 } }) },
  { label: "Slow tokens", run: (sim) => sim.script.next(STREAM, { stream: { tokenDelayMs: 250 } }) },
  { label: "Error event mid-answer", run: (sim) => sim.script.next(STREAM, { stream: { errorEvent: "Provider overloaded", errorAfterChunks: 5 } }) },
  { label: "503 before the first token", run: (sim) => sim.script.next(STREAM, { status: 503 }) },
];

/** A live chat answer: send, stop, retry, continue, with the simulator's stream faults one click away. */
function ChatStreamDemo(options: ChatStreamOptions) {
  const chat = useChatStream(options);
  const [input, setInput] = useState("Explain retries with backoff");
  return (
    <div className="demo">
      <div className="demo__row">
        <label>
          Prompt <input type="text" value={input} onChange={(e) => setInput(e.target.value)} />
        </label>
        <button type="button" onClick={() => chat.send(input)} disabled={chat.isBusy}>
          Send
        </button>
        <button type="button" onClick={chat.reset}>
          Clear
        </button>
      </div>
      <div className="demo__answer" role="region" data-testid="answer" aria-label="Answer">
        {chat.text}
      </div>
      <StreamStatus status={chat.status} error={chat.error} onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue} />
      <p className="demo__meta" data-testid="meta">
        status: {chat.status} · chunks: {chat.chunkCount} · characters: {chat.text.length}
      </p>
      <FaultPanel actions={FAULTS} />
    </div>
  );
}

const meta = {
  title: "Hooks/useChatStream",
  component: UseChatStreamOptions,
  parameters: { simulator: { replyText: LONG_REPLY, tokenDelayMs: 25 } },
  argTypes: { ...Object.fromEntries(NOT_CONTROLS.map((name) => [name, { control: false }])), model: { control: "select", options: ["chat-fast", "chat-claude", "chat-gemini"] } },
  args: { model: "chat-fast" },
  // The controls are `useChatStream`'s options; the demo calls the hook with them.
  render: (options) => <ChatStreamDemo {...options} />,
} satisfies Meta<typeof UseChatStreamOptions>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Send, then use the fault buttons: the partial text stays on a cut; Retry starts over, Continue appends. */
export const Live: Story = {};

/** The same stream in the Anthropic event shape (text from `content_block_delta`, ends with `message_stop`). */
export const AnthropicShape: Story = { args: { model: "chat-claude" } };
