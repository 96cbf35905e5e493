import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createSaaSLLMClient, SaaSLLMProvider, TeamStatusBanner, useChatStream, useJob, useLLMCall } from "../../src/index";

// Node environment: no window, no document. Rendering must not touch them nor make any request.
describe("server rendering", () => {
  it("renders every hook without a request or a window", () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    let requests = 0;
    const client = createSaaSLLMClient({ baseUrl: "http://nowhere.test", teamId: "t", virtualKey: "sk-x", fetch: async () => (requests++, new Response("{}")) });
    function Page() {
      const chat = useChatStream({ model: "m" });
      const job = useJob();
      const call = useLLMCall({ model: "m" });
      return <p>{`${chat.status} ${job.status} ${call.status}`}</p>;
    }
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <SaaSLLMProvider client={client}>
          <TeamStatusBanner />
          <Page />
        </SaaSLLMProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain("idle idle idle");
    expect(requests).toBe(0);
  });

  it("a hook outside the provider throws a clear error", () => {
    function Lonely() {
      useChatStream({ model: "m" });
      return null;
    }
    expect(() => renderToString(<Lonely />)).toThrow(/inside <SaaSLLMProvider/);
  });
});
