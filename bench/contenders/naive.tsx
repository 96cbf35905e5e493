// The hook people write first: fetch + eventsource-parser + one setState per chunk. React 19 batches
// updates that land in the same task, so it commits once per network read, not once per chunk.
import "../dom";
import { useEffect, useState } from "react";
import { runChild, type Contender } from "../harness";
import { mountReact, type Screen } from "./mountReact";
import { readOpenAIStream } from "./readOpenAIStream";

function useNaiveStream(url: string) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState<"streaming" | "done" | "error">("streaming");
  useEffect(() => {
    const ac = new AbortController();
    (async () => {
      await readOpenAIStream(url, (delta) => setText((t) => t + delta), ac.signal);
      setStatus("done");
    })().catch(() => setStatus("error"));
    return () => ac.abort();
  }, [url]);
  return { text, status };
}

const naive: Contender = (ctx) => {
  const Chat: Screen = ({ done }) => {
    const { text, status } = useNaiveStream(`${ctx.base}/api/jobs/create-and-call-stream`);
    useEffect(() => {
      if (status === "done") done();
      else if (status === "error") done(new Error("stream failed"));
    }, [status, done]);
    return <p>{text}</p>;
  };
  return mountReact(ctx, Chat);
};

void runChild(naive);
