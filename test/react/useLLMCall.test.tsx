// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useLLMCall } from "../../src/index";
import { useSimulatorServer } from "../helpers";
import { renderWithClient } from "./render";

function Ask({ maxRetries, prompt = "Hello" }: { maxRetries?: number; prompt?: unknown }) {
  const llm = useLLMCall({ model: "chat-fast", maxRetries });
  return (
    <div>
      <button onClick={() => void llm.call(prompt as string)}>Ask</button>
      <p data-testid="status">{llm.status}</p>
      <p data-testid="answer">{llm.data?.content ?? ""}</p>
      <p data-testid="tokens">{llm.data ? `${llm.data.tokensUsed} tokens, job ${llm.data.jobId ? "yes" : "no"}, ${llm.data.attempts} attempt(s)` : ""}</p>
      <p data-testid="error">{llm.error?.kind ?? ""}</p>
      <p data-testid="failures">{llm.failureCount}</p>
      {llm.nextRetryAt !== null && <p role="status">Retrying</p>}
    </div>
  );
}
const text = (id: string) => screen.getByTestId(id).textContent;

describe("useLLMCall against the simulator", () => {
  const sim = useSimulatorServer();

  it.each([["empty", ""], ["whitespace", " \n "], ["null", null], ["an object", {}]])("a %s prompt is a bad_request error with 0 requests", async (_, prompt) => {
    renderWithClient(<Ask prompt={prompt} />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));
    await waitFor(() => expect(text("status")).toBe("error"));
    expect(text("error")).toBe("bad_request");
    expect(sim.simulator.requests).toEqual([]);
  });

  it("create-and-call happy path: content, tokens, job id", async () => {
    renderWithClient(<Ask />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));
    await waitFor(() => expect(text("status")).toBe("success"));
    expect(text("answer")).toContain("Hello");
    expect(text("tokens")).toMatch(/\d+ tokens, job yes, 1 attempt\(s\)/);
    expect(sim.simulator.ledger.charges()).toBe(1);
  });

  it.each([
    [400, "bad"],
    [401, "Invalid API key"],
    [403, "Team access is suspended. Please contact support."],
    [404, "Not Found"],
    [422, [{ type: "missing", loc: ["body", "model"], msg: "Field required" }]],
  ])("%i is sent once, never retried", async (status, detail) => {
    sim.simulator.script.next("createAndCall", { status, detail }, { times: 5 });
    renderWithClient(<Ask />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));
    await waitFor(() => expect(text("status")).toBe("error"));
    expect(sim.simulator.requestsTo("createAndCall")).toHaveLength(1);
  });

  it("a 429 with Retry-After is retried after that wait, showing that it is retrying", async () => {
    sim.simulator.script.next("createAndCall", { status: 429, detail: "Rate limit exceeded", headers: { "retry-after": "1" } });
    renderWithClient(<Ask />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));
    expect(await screen.findByRole("status")).toHaveProperty("textContent", "Retrying");
    expect(text("failures")).toBe("1");
    await waitFor(() => expect(text("status")).toBe("success"));
    expect(text("tokens")).toContain("2 attempt(s)");
    const [a, b] = sim.simulator.requestsTo("createAndCall");
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(950);
    // one idempotency key for the logical call
    expect(a!.idempotencyKey).toBe(b!.idempotencyKey);
  });

  it("a 503 is retried with backoff up to maxRetries, then the error shows", async () => {
    sim.simulator.script.next("createAndCall", { status: 503, detail: "down", headers: { "retry-after-ms": "10" } }, { times: 5 });
    renderWithClient(<Ask maxRetries={2} />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));
    await waitFor(() => expect(text("status")).toBe("error"));
    expect(text("error")).toBe("unavailable");
    expect(sim.simulator.requestsTo("createAndCall")).toHaveLength(3);
  });
});
