// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Component, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { accountMethods, composeSaaSLLMClient, createCircuitBreaker, createSaaSLLMClient, lookupMethods, requestMethods, streamMethods, useChatStream, useLLMCall, type SaaSLLMClientOptions } from "../../src/index";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { useSimulatorServer } from "../helpers";
import { renderWithClient } from "./render";

const REPLY = "A composed client streams the same answer.";

function Ask() {
  const llm = useLLMCall({ model: "chat-fast" });
  return (
    <div>
      <button onClick={() => void llm.call("Hello")}>Ask</button>
      <p data-testid="status">{llm.status}</p>
      <p data-testid="answer">{llm.data?.content ?? ""}</p>
    </div>
  );
}

function Chat() {
  const chat = useChatStream({ model: "chat-fast" });
  return (
    <div>
      <button onClick={() => chat.send("Hello")}>Send</button>
      <p data-testid="status">{chat.status}</p>
      <p data-testid="text">{chat.text}</p>
    </div>
  );
}

const text = (id: string) => screen.getByTestId(id).textContent;

/** Shows what a render threw, as an app's error boundary would. */
class Caught extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    return error ? <p role="alert">{error instanceof TypeError ? `TypeError: ${error.message}` : "not a TypeError"}</p> : this.props.children;
  }
}

describe("composeSaaSLLMClient: a client of the method modules an app calls", () => {
  const sim = useSimulatorServer({ replyText: REPLY });
  const options = (): SaaSLLMClientOptions => ({ baseUrl: sim.server.url, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, random: () => 0.5 });

  it("with no module it serves useLLMCall: one request, one charge, and it has no stream, account, lookup or request methods", async () => {
    const client = composeSaaSLLMClient(options());
    expect(["streamLLMCall", "streamCreateAndCall", "getCreditBalance", "getCreditTransactions", "findJobByClientRequestId", "findJobsByClientRequestId", "request"].filter((name) => name in client)).toEqual([]);
    renderWithClient(<Ask />, client);
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));
    await waitFor(() => expect(text("status")).toBe("success"));
    expect(text("answer")).toContain("composed client");
    expect(sim.simulator.requests).toHaveLength(1);
    expect(sim.simulator.ledger.charges()).toBe(1);
  });

  it("with streamMethods it serves useChatStream to done, leaving no job open", async () => {
    renderWithClient(<Chat />, composeSaaSLLMClient(options(), streamMethods));
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(text("status")).toBe("done"));
    expect(text("text")).toBe(REPLY);
    expect(sim.simulator.ledger.openJobs()).toHaveLength(0);
  });

  it("createSaaSLLMClient is the jobs client with every module: same methods, a live circuit state", async () => {
    const composed = composeSaaSLLMClient(options(), streamMethods, accountMethods, lookupMethods, requestMethods);
    expect(Object.keys(composed).sort()).toEqual(Object.keys(createSaaSLLMClient(options())).sort());
    expect((await composed.getCreditBalance()).credits_remaining).toBeGreaterThan(0);
    const down = composeSaaSLLMClient({ ...options(), retry: false, circuitBreaker: createCircuitBreaker({ failureThreshold: 1 }), fetch: () => Promise.reject(new TypeError("fetch failed")) }, accountMethods);
    expect(down.circuitState).toBe("closed");
    await expect(down.getCreditBalance()).rejects.toMatchObject({ kind: "network" });
    expect(down.circuitState).toBe("open");
  });

  // Untyped code (or a cast) can still hand a hook a client without its module: it learns which at once.
  it("without streamMethods, useChatStream throws a TypeError naming the module, before any request", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    renderWithClient(<Caught><Chat /></Caught>, composeSaaSLLMClient(options()));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "TypeError: useChatStream needs a client composed with streamMethods: composeSaaSLLMClient(options, streamMethods)",
    );
    expect(logged).toHaveBeenCalled();
    expect(sim.simulator.requests).toHaveLength(0);
    expect(sim.simulator.ledger.charges()).toBe(0);
  });
});
