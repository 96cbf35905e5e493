// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, expect, it, vi } from "vitest";
import { createSaaSLLMClient, persistChat, SaaSLLMProvider, useChatStream } from "../../src/index";

function Chat() {
  const chat = useChatStream({ model: "chat-fast", persist: persistChat({ storage: "local", key: "ssr-chat" }) });
  return (
    <ul>
      {chat.messages.map((m, i) => (
        <li key={i}>{`${m.role}: ${m.content}`}</li>
      ))}
      <li>{`status: ${chat.status}`}</li>
    </ul>
  );
}

function App() {
  const [queryClient] = [new QueryClient()];
  const client = createSaaSLLMClient({ baseUrl: "http://nowhere.test", teamId: "t", virtualKey: "sk-test", fetch: async () => new Response("{}") });
  return (
    <QueryClientProvider client={queryClient}>
      <SaaSLLMProvider client={client}>
        <Chat />
      </SaaSLLMProvider>
    </QueryClientProvider>
  );
}

afterEach(() => localStorage.clear());

it("a persisted chat hydrates without a mismatch: the server and the hydrating render show the pre-restore state, then the stored chat appears", async () => {
  const messages = [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello, I was stored" }];
  localStorage.setItem("ssr-chat", JSON.stringify({ schema: 1, version: 1, savedAt: 0, messages, text: "Hello, I was stored", status: "done", reason: null, jobId: null, clientRequestId: null, startedAt: 0 }));
  const html = renderToString(<App />);
  expect(html).toContain("status: idle");
  expect(html).not.toContain("I was stored");

  const container = document.createElement("div");
  container.innerHTML = html;
  document.body.appendChild(container);
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const recoverable: unknown[] = [];
  await act(async () => void hydrateRoot(container, <App />, { onRecoverableError: (e) => recoverable.push(e) }));
  expect(recoverable).toEqual([]);
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
  expect(container.textContent).toContain("assistant: Hello, I was stored");
  expect(container.textContent).toContain("status: done");
});
