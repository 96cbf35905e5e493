// Our useChatStream over the real client (OpenAI SSE from /api/jobs/create-and-call-stream), from src.
import "../dom";
import { useEffect } from "react";
import { createSaaSLLMClient } from "../../src/core/createSaaSLLMClient";
import { SaaSLLMProvider } from "../../src/react/SaaSLLMProvider";
import { useChatStream } from "../../src/react/useChatStream";
import { runChild, type Contender } from "../harness";
import { mountReact, type Screen } from "./mountReact";

const Chat: Screen = ({ done, sendWhenReady }) => {
  const chat = useChatStream({ model: "bench-model" });
  const { send, status, error } = chat;
  useEffect(() => sendWhenReady(() => send("Hi")), [send, sendWhenReady]);
  useEffect(() => {
    if (status === "done") done();
    else if (status === "error" || status === "interrupted" || status === "stopped") done(error ?? new Error(status));
  }, [status, error, done]);
  return <p>{chat.text}</p>;
};

const ours: Contender = (ctx) => {
  // retry off: a failed run must show up as a failure, not be papered over by a second request.
  const client = createSaaSLLMClient({ baseUrl: ctx.base, teamId: "bench", virtualKey: "sk-bench", retry: false });
  return mountReact(ctx, (props) => (
    <SaaSLLMProvider client={client}>
      <Chat {...props} />
    </SaaSLLMProvider>
  ));
};

void runChild(ours);
