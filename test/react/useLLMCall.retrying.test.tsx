// @vitest-environment jsdom
import { act, fireEvent, render, screen } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SaaSLLMProvider, StreamStatus, useLLMCall } from "../../src/index";
import { direct } from "../integration/fidelity/kit";

function Ask() {
  const llm = useLLMCall({ model: "chat-fast", maxRetries: 2 });
  return (
    <div>
      <button onClick={() => void llm.call("Hello")}>Ask</button>
      {llm.isPending && <StreamStatus status={llm.retrying ? "retrying" : "connecting"} retrying={llm.retrying} />}
      <p data-testid="answer">{llm.data ? `${llm.data.attempts} attempts` : ""}</p>
      <p data-testid="timing">{llm.data ? `first token ${llm.data.timing.firstTokenMs} ms of ${llm.data.timing.durationMs} ms, ${llm.data.timing.tokens} tokens` : ""}</p>
    </div>
  );
}

const live = () => screen.queryByRole("status")?.textContent ?? null;

describe("useLLMCall: the same retry data as a chat", () => {
  afterEach(() => vi.useRealTimers());

  it("exposes attempt, maxAttempts and nextRetryAt, counted down on a fake clock", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { sim, client } = direct();
    sim.script.next("createAndCall", { status: 429, detail: "Rate limit exceeded", headers: { "retry-after": "2" } });
    const queryClient = new QueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <SaaSLLMProvider client={client}>
          <Ask />
        </SaaSLLMProvider>
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Ask" }));
    for (let i = 0; i < 100 && live() !== "Retrying in 2 s (2 of 3)"; i++) await act(() => vi.advanceTimersByTimeAsync(0));
    expect(live()).toBe("Retrying in 2 s (2 of 3)");
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(live()).toBe("Retrying in 1 s (2 of 3)");
    expect(sim.requestsTo("createAndCall")).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    for (let i = 0; i < 100 && screen.getByTestId("answer").textContent === ""; i++) await act(() => vi.advanceTimersToNextTimerAsync());
    expect(screen.getByTestId("answer").textContent).toBe("2 attempts");
    expect(sim.requestsTo("createAndCall")).toHaveLength(2);
    expect(live()).toBeNull();
    // The whole wait, the 2 s Retry-After included; a plain call's answer arrives whole (first token = all of it).
    const [, first, duration] = /first token (\d+) ms of (\d+) ms/.exec(screen.getByTestId("timing").textContent ?? "") ?? [];
    expect(Number(duration)).toBeGreaterThanOrEqual(2000);
    expect(first).toBe(duration);
    const tokens = sim.ledger.jobs()[0]!.calls[0]!;
    expect(screen.getByTestId("timing").textContent).toContain(`${tokens.promptTokens + tokens.completionTokens} tokens`);
  });
});
