// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler, useState } from "react";
import { describe, expect, it } from "vitest";
import { useChatStream, useTeamStatus, type UseChatStreamResult } from "../../src/index";
import { useSimulatorServer } from "../helpers";
import { renderWithClient } from "./render";

const REPLY = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");

describe("useChatStream: each component re-renders only for the fields it reads", () => {
  // Tokens 15 ms apart, published every 1 ms: the text reader sees many publishes even on a loaded machine.
  const sim = useSimulatorServer({ replyText: REPLY, tokenDelayMs: 15 });

  it("a component reading only `status` does not re-render per token (Profiler count)", async () => {
    const renders = { status: 0, text: 0 };
    let chat: UseChatStreamResult | null = null;
    function StatusOnly() {
      chat = useChatStream({ model: "chat-fast", id: "slices", throttleMs: 1 });
      return <p data-testid="status">{chat.status}</p>;
    }
    function TextToo() {
      const c = useChatStream({ model: "chat-fast", id: "slices", throttleMs: 1 });
      return <p data-testid="text">{c.text}</p>;
    }
    renderWithClient(
      <>
        <Profiler id="status" onRender={() => renders.status++}>
          <StatusOnly />
        </Profiler>
        <Profiler id="text" onRender={() => renders.text++}>
          <TextToo />
        </Profiler>
      </>,
      sim.client(),
    );
    const mounted = { ...renders };
    act(() => chat!.send("Hello"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done"), { timeout: 15_000 });
    expect(screen.getByTestId("text").textContent).toBe(REPLY);
    const statusRenders = renders.status - mounted.status;
    const textRenders = renders.text - mounted.text;
    // connecting, generating, streaming, done: one render each, however many tokens arrived.
    expect(statusRenders).toBeLessThanOrEqual(4);
    // The text reader saw the answer grow over many publishes (so the status reader really skipped them).
    expect(textRenders).toBeGreaterThan(statusRenders + 3);
  }, 20_000);

  it("actions are stable across renders", async () => {
    const seen = new Set<unknown>();
    function Chat() {
      const chat = useChatStream({ model: "chat-fast" });
      seen.add(chat.send);
      return (
        <>
          <button onClick={() => chat.send("Hi")}>Send</button>
          <p data-testid="text">{chat.text}</p>
          <p data-testid="status">{chat.status}</p>
        </>
      );
    }
    renderWithClient(<Chat />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done"), { timeout: 15_000 });
    expect(seen.size).toBe(1);
  });
});

describe("useChatStream: bad input never reaches the server and never throws", () => {
  const sim = useSimulatorServer({ replyText: REPLY });

  it.each([
    ["empty", ""],
    ["whitespace", "   "],
    ["null", null],
    ["undefined", undefined],
    ["an object", {}],
  ])("send(%s): a bad_request state with 0 requests", async (_, input) => {
    function Chat() {
      const chat = useChatStream({ model: "chat-fast" });
      return (
        <>
          <button onClick={() => chat.send(input as string)}>Send</button>
          <p data-testid="status">{chat.status}</p>
          <p role="alert">{chat.error?.kind ?? ""}</p>
        </>
      );
    }
    renderWithClient(<Chat />, sim.client());
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("bad_request"));
    expect(screen.getByTestId("status").textContent).toBe("error");
    expect(sim.simulator.requests).toEqual([]);
  });
});

describe("useTeamStatus", () => {
  const sim = useSimulatorServer({ replyText: REPLY });

  it("shows the account status any call learned, and clears it", async () => {
    sim.simulator.team().suspend();
    function Page() {
      const team = useTeamStatus();
      const chat = useChatStream({ model: "chat-fast", retry: false });
      const [, force] = useState(0);
      return (
        <>
          <button onClick={() => chat.send("Hi")}>Send</button>
          <button onClick={() => (team.clear(), force((n) => n + 1))}>Clear</button>
          <p data-testid="team">{team.status}</p>
        </>
      );
    }
    renderWithClient(<Page />, sim.client());
    expect(screen.getByTestId("team").textContent).toBe("ok");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByTestId("team").textContent).toBe("team-suspended"));
    await userEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(screen.getByTestId("team").textContent).toBe("ok");
  });
});

