// The hook people write first: fetch + eventsource-parser + one setState per chunk. React 19 batches
// updates that land in the same task, so it commits once per network read, not once per chunk.
import "../dom";
import { createParser } from "eventsource-parser";
import { useEffect, useState } from "react";
import { runChild, type Contender } from "../harness";
import { mountReact, type Screen } from "./mountReact";

function useNaiveStream(url: string) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState<"streaming" | "done" | "error">("streaming");
  useEffect(() => {
    const ac = new AbortController();
    (async () => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"messages":[{"role":"user","content":"Hi"}]}', signal: ac.signal });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const parser = createParser({
        onEvent: ({ data }) => {
          if (data === "[DONE]") return;
          const delta = (JSON.parse(data) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content;
          if (typeof delta === "string") setText((t) => t + delta);
        },
      });
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
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
