// @vitest-environment jsdom
import { onlineManager, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { SaaSLLMProvider, useLLMCall } from "../../src/index";
import { direct } from "../integration/fidelity/kit";

const onError = vi.fn();

function Ask() {
  const llm = useLLMCall({ model: "chat-fast", onError });
  return (
    <div>
      <button onClick={() => void llm.call("Hello")}>Ask</button>
      <p role="status">{llm.offline ? "Offline — it will be sent when the network is back" : llm.isSuccess ? "Answered" : ""}</p>
      <button onClick={llm.cancel}>Cancel</button>
    </div>
  );
}

afterEach(() => {
  onlineManager.setOnline(true);
  vi.useRealTimers();
});

function setUp() {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  const { sim, client } = direct();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SaaSLLMProvider client={client}>
        <Ask />
      </SaaSLLMProvider>
    </QueryClientProvider>,
  );
  return { calls: () => sim.requestsTo("createAndCall").length };
}

it("useLLMCall offline: the call is held (visible, no request) and sent once when onlineManager says online", async () => {
  const { calls } = setUp();
  act(() => onlineManager.setOnline(false));
  fireEvent.click(screen.getByRole("button", { name: "Ask" }));
  await act(() => vi.advanceTimersByTimeAsync(30_000));
  expect(screen.getByRole("status").textContent).toBe("Offline — it will be sent when the network is back");
  expect(calls()).toBe(0);
  act(() => onlineManager.setOnline(true));
  await act(() => vi.advanceTimersByTimeAsync(5_000));
  expect(screen.getByRole("status").textContent).toBe("Answered");
  expect(calls()).toBe(1);
});

it("useLLMCall offline: cancel() drops the held call; nothing is sent after reconnecting", async () => {
  const { calls } = setUp();
  act(() => onlineManager.setOnline(false));
  fireEvent.click(screen.getByRole("button", { name: "Ask" }));
  await act(() => vi.advanceTimersByTimeAsync(1_000));
  fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
  act(() => onlineManager.setOnline(true));
  await act(() => vi.advanceTimersByTimeAsync(5_000));
  expect(screen.getByRole("status").textContent).toBe("");
  expect(calls()).toBe(0);
  expect(onError).not.toHaveBeenCalled();
});
