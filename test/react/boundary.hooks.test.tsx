// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { describe, expect, it, vi } from "vitest";
import { LLMErrorBoundary, useChatStream, useJob, useLLMCall } from "../../src/index";
import { useSimulatorServer } from "../helpers";
import { renderWithClient } from "./render";

// Hooks with throwOnError hand their SaaSLLMErrors to the nearest LLMErrorBoundary; "Try again" remounts
// the subtree, which sends the request again.
describe("hooks + LLMErrorBoundary", () => {
  const sim = useSimulatorServer();

  it("useLLMCall: a suspended team renders the boundary's banner, no retry sent", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined); // React logs what a boundary caught
    sim.simulator.team().suspend();
    function Ask() {
      const llm = useLLMCall({ model: "chat-fast", throwOnError: true });
      return <button onClick={() => void llm.call("hi")}>Ask</button>;
    }
    renderWithClient(<LLMErrorBoundary><Ask /></LLMErrorBoundary>, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringMatching(/suspended/i));
    expect(sim.simulator.requestsTo("createAndCall")).toHaveLength(1);
  });

  it("useChatStream: a 503 after retries goes to the boundary; Try again re-sends and streams", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    sim.simulator.script.next("streamCreateAndCall", { status: 503, detail: "down" }, { times: 2 });
    function AutoChat() {
      const chat = useChatStream({ model: "chat-fast", throwOnError: true, retry: false });
      useEffect(() => chat.send("hi"), []); // eslint-disable-line react-hooks/exhaustive-deps
      return <p>{chat.status === "done" ? `answer: ${chat.text.slice(0, 10)}` : chat.status}</p>;
    }
    renderWithClient(<LLMErrorBoundary><AutoChat /></LLMErrorBoundary>, sim.client());
    await userEvent.click(await screen.findByRole("button", { name: /try again/i }));
    // the second attempt is scripted to fail too
    await userEvent.click(await screen.findByRole("button", { name: /try again/i }));
    expect(await screen.findByText(/^answer: /)).toBeTruthy();
    expect(sim.simulator.requestsTo("streamCreateAndCall")).toHaveLength(3);
  });

  it("interruptions stay in the component unless throwOnError says otherwise", async () => {
    sim.simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 2 } });
    function Chat() {
      const chat = useChatStream({ model: "chat-fast", throwOnError: true });
      return (
        <>
          <button onClick={() => chat.send("hi")}>Send</button>
          <p data-testid="status">{chat.status}</p>
        </>
      );
    }
    renderWithClient(<LLMErrorBoundary><Chat /></LLMErrorBoundary>, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("interrupted"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("useJob: a create that fails with 401 shows the re-auth state", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    sim.simulator.team().revokeKey();
    function Starter() {
      const job = useJob({ throwOnError: true });
      return <button onClick={() => void job.start().catch(() => undefined)}>Start</button>;
    }
    const onReauth = vi.fn();
    renderWithClient(<LLMErrorBoundary onReauth={onReauth}><Starter /></LLMErrorBoundary>, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    await userEvent.click(await screen.findByRole("button", { name: /sign in again/i }));
    expect(onReauth).toHaveBeenCalledTimes(1);
  });
});
