// The floor: what parsing the same SSE costs with no framework at all. Same fetch, same parser
// (eventsource-parser's createParser) and the same OpenAI protocol as ours.
import "../dom";
import { runChild, type Contender } from "../harness";
import { readOpenAIStream } from "./readOpenAIStream";

const floor: Contender = async ({ base, mark }) => {
  let text = "";
  await readOpenAIStream(`${base}/api/jobs/create-and-call-stream`, (delta) => {
    text += delta;
  });
  mark();
  return { text: () => text, commits: 0 };
};

void runChild(floor);
