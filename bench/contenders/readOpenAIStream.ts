// The bare loop both the floor and the naive hook use: fetch the stream, feed eventsource-parser, hand
// each OpenAI `delta.content` to the caller. No React, no framework: what "parsing only" costs.
import { createParser } from "eventsource-parser";

export async function readOpenAIStream(url: string, onDelta: (delta: string) => void, signal?: AbortSignal): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"messages":[{"role":"user","content":"Hi"}]}', signal });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const parser = createParser({
    onEvent: ({ data }) => {
      if (data === "[DONE]") return;
      const delta = (JSON.parse(data) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content;
      if (typeof delta === "string") onDelta(delta);
    },
  });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}
