"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { SaaSLLMProvider, StreamStatus, TeamStatusBanner, createSaaSLLMClient, useChatStream } from "@saas-litellm/react";

// No key in the browser: `/llm` is this app's own route (app/llm/[...path]/route.ts), which adds it.
const client = createSaaSLLMClient({ baseUrl: "/llm", teamId: "team-demo" });

function Chat() {
  const chat = useChatStream({ model: "chat-fast" });
  return (
    <>
      <button onClick={() => chat.send("Write a haiku about proxies")} disabled={chat.isBusy}>Send</button>
      <p>{chat.text}</p>
      <StreamStatus status={chat.status} reason={chat.reason} retrying={chat.retrying} error={chat.error} onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue} accountErrors="team-banner" />
    </>
  );
}

// Demo sign-in (app/api/login/route.ts sets a signed, HttpOnly cookie); your app uses its own.
const signIn = async () => {
  const password = window.prompt("Password (\"demo\" against the simulator)") ?? "";
  await fetch("/api/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "demo-user", password }) });
  window.location.reload();
};

export default function Page() {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <SaaSLLMProvider client={client}>
        <main style={{ maxWidth: 640, margin: "2rem auto", fontFamily: "system-ui" }}>
          <h1>SaaS LiteLLM through a Next.js route</h1>
          <TeamStatusBanner onReauth={() => void signIn()} />
          <Chat />
        </main>
      </SaaSLLMProvider>
    </QueryClientProvider>
  );
}
