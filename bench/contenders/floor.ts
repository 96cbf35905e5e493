// The floor: what parsing the same SSE costs with no framework at all. Same fetch, same parser
// (eventsource-parser's createParser) and the same OpenAI protocol as ours.
import "../dom";
import { createParser } from "eventsource-parser";
import { runChild, type Contender } from "../harness";

const floor: Contender = async ({ base, mark }) => {
  const res = await fetch(`${base}/api/jobs/create-and-call-stream`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"messages":[{"role":"user","content":"Hi"}]}' });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  let text = "";
  const parser = createParser({
    onEvent: ({ data }) => {
      if (data === "[DONE]") return;
      const delta = (JSON.parse(data) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content;
      if (typeof delta === "string") text += delta;
    },
  });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  mark();
  return { text: () => text, commits: 0 };
};

void runChild(floor);
