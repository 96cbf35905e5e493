// The floor: what parsing the same SSE costs with no framework at all. Same fetch, same parser
// (eventsource-parser's createParser) and the same OpenAI protocol as ours.
import "../dom";
import { runChild, sendWhenReady, type Contender } from "../harness";
import { readOpenAIStream } from "./readOpenAIStream";

const floor: Contender = async (ctx) => {
  let text = "";
  await new Promise<void>((resolve) => sendWhenReady(ctx, resolve));
  await readOpenAIStream(`${ctx.base}/api/jobs/create-and-call-stream`, (delta) => {
    text += delta;
  });
  ctx.mark();
  return { text: () => text, commits: 0 };
};

void runChild(floor);
