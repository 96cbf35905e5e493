// The hook people write first: fetch + eventsource-parser + one setState per chunk. React 19 batches
// updates that land in the same task, so it commits once per network read, not once per chunk.
// BENCH_BATCH_MS=16 is the usual fix: deltas collect in a string and one setState flushes them per window.
import "../dom";
import { useEffect, useState } from "react";
import { runChild, type Contender } from "../harness";
import { mountReact, type Screen } from "./mountReact";
import { readOpenAIStream } from "./readOpenAIStream";

const batchMs = process.env.BENCH_BATCH_MS ? Number(process.env.BENCH_BATCH_MS) : 0;

/** Per chunk (batchMs 0) or one flush per batchMs window; `flush` publishes what is pending at the end. */
function batcher(publish: (delta: string) => void) {
  let pending = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (pending) publish(pending);
    pending = "";
  };
  const push = (delta: string) => {
    if (!batchMs) return publish(delta);
    pending += delta;
    timer ??= setTimeout(flush, batchMs);
  };
  return { push, flush: () => (clearTimeout(timer), flush()) };
}

/** Streams `url` once `active` turns true (the usual shape: a click sets state, an effect fetches). */
function useNaiveStream(url: string, active: boolean) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState<"streaming" | "done" | "error">("streaming");
  useEffect(() => {
    if (!active) return;
    const ac = new AbortController();
    const batch = batcher((delta) => setText((t) => t + delta));
    (async () => {
      await readOpenAIStream(url, batch.push, ac.signal);
      batch.flush();
      setStatus("done");
    })().catch(() => setStatus("error"));
    return () => ac.abort();
  }, [url, active]);
  return { text, status };
}

const naive: Contender = (ctx) => {
  const Chat: Screen = ({ done, sendWhenReady }) => {
    // Cold runs fetch from the mount effect as before (no extra render); mounted runs wait for the click.
    const [active, setActive] = useState(!ctx.mounted);
    const { text, status } = useNaiveStream(`${ctx.base}/api/jobs/create-and-call-stream`, active);
    useEffect(() => sendWhenReady(() => setActive(true)), [sendWhenReady]);
    useEffect(() => {
      if (status === "done") done();
      else if (status === "error") done(new Error("stream failed"));
    }, [status, done]);
    return <p>{text}</p>;
  };
  return mountReact(ctx, Chat);
};

void runChild(naive);
