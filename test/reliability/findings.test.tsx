// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useChatStream, type UseChatStreamResult } from "../../src/index";
import { startSimulatorServer, type SimulatorServer } from "../../src/testing/node";
import { renderWithClient } from "../react/render";
import { makeSimulator, socketClient } from "./kit";

// Package bugs the chaos run found, each pinned by a small deterministic test.
const sim = makeSimulator({ replyText: "one two three four five six seven eight nine ten" });
let server: SimulatorServer;
beforeAll(async () => void (server = await startSimulatorServer(sim)));
afterAll(() => server.close());
beforeEach(() => sim.reset());

describe("findings", () => {
  it("stop() on a single-shot stream closes the job the server leaves open", async () => {
    sim.script.next("streamCreateAndCall", { stream: { tokenDelayMs: 30 } });
    const hook: { current?: UseChatStreamResult } = {};
    function Chat() {
      hook.current = useChatStream({ model: "chat-fast" });
      return <p>{hook.current.text}</p>;
    }
    const view = renderWithClient(<Chat />, socketClient(server.url));
    act(() => hook.current!.send("go"));
    await waitFor(() => expect(hook.current!.text).not.toBe(""));
    act(() => hook.current!.stop());
    await waitFor(() => expect(hook.current!.status).toBe("stopped"));
    await waitFor(() => expect(sim.ledger.openJobs().map((j) => j.jobId)).toEqual([]));
    view.unmount();
  });

  // Was a bug: a single-shot stream cut before its first text is retried by the client (same
  // client_request_id); the first attempt's job, which the server left IN_PROGRESS, was never closed.
  // Each attempt is now tagged `client_attempt`, and the attempts before the answer are failed.
  it("a single-shot stream retried after a cut before the first text leaves no job open", async () => {
    sim.script.next("streamCreateAndCall", { stream: { cutAfterBytes: 5 } });
    const hook: { current?: UseChatStreamResult } = {};
    function Chat() {
      hook.current = useChatStream({ model: "chat-fast" });
      return <p>{hook.current.text}</p>;
    }
    const view = renderWithClient(<Chat />, socketClient(server.url, { retry: { delay: () => 5 } }));
    act(() => hook.current!.send("go"));
    await waitFor(() => expect(hook.current!.status).toBe("done"));
    expect(sim.requestsTo("streamCreateAndCall")).toHaveLength(2);
    await waitFor(() => expect(sim.ledger.openJobs().map((j) => `${j.jobId} ${j.status}`)).toEqual([]));
    view.unmount();
  });
});
