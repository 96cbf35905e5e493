// Vercel AI SDK useChat (@ai-sdk/react 3 / ai 6) with DefaultChatTransport, served its native UI message
// stream. BENCH_THROTTLE_MS sets experimental_throttle (unset: no throttle, the default).
import "../dom";
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useEffect, useRef } from "react";
import { runChild, type Contender } from "../harness";
import { mountReact, type Screen } from "./mountReact";

const throttle = process.env.BENCH_THROTTLE_MS ? Number(process.env.BENCH_THROTTLE_MS) : undefined;

const aiSdk: Contender = (ctx) => {
  const transport = new DefaultChatTransport({ api: `${ctx.base}/api/chat` });
  const Chat: Screen = ({ done, sendWhenReady }) => {
    const { messages, sendMessage, status, error } = useChat({ transport, experimental_throttle: throttle });
    const started = useRef(false);
    useEffect(() => sendWhenReady(() => void sendMessage({ text: "Hi" })), [sendMessage, sendWhenReady]);
    useEffect(() => {
      if (status === "submitted" || status === "streaming") started.current = true;
      else if (status === "error") done(error ?? new Error("error"));
      else if (status === "ready" && started.current) done();
    }, [status, error, done]);
    const last = messages[messages.length - 1];
    const text = last?.role === "assistant" ? last.parts.map((part) => (part.type === "text" ? part.text : "")).join("") : "";
    return <p>{text}</p>;
  };
  return mountReact(ctx, Chat);
};

void runChild(aiSdk);
