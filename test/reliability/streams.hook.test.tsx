// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useChatStream, type UseChatStreamResult } from "../../src/index";
import { startSimulatorServer, type SimulatorServer } from "../../src/testing/node";
import { renderWithClient } from "../react/render";
import { makeSimulator, recordFigures, socketClient } from "./kit";
import { replyArb } from "./arbitraries";
import { expectedText, recordingFetch } from "./sseReference";

// The same property through useChatStream over a real loopback socket, then retry() or continue().
const RUNS = Number(process.env.RELIABILITY_SOAK ? 10 : 1) * 60;
let reply = "";
const sim = makeSimulator({ replyText: () => reply });
let server: SimulatorServer;
beforeAll(async () => void (server = await startSimulatorServer(sim)));
afterAll(() => server.close());

let cases = 0;
let failures = 0;

describe("stream cuts through useChatStream over HTTP (property-based)", () => {
  it(`${RUNS} random replies, chunkings and cuts; then retry() replaces and continue() appends`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ text: replyArb, model: fc.constantFrom("chat-fast", "chat-claude", "chat-gemini"), split: fc.integer({ min: 1, max: 32 }), cut: fc.nat({ max: 3000 }), then: fc.constantFrom("retry", "continue") }),
        async ({ text, model, split, cut, then }) => {
          cases++;
          reply = text;
          const rec = recordingFetch((i, init) => fetch(i, init));
          const hook: { current?: UseChatStreamResult } = {};
          function Chat() {
            hook.current = useChatStream({ model, retry: false });
            return <p>{hook.current.text}</p>;
          }
          sim.script.clear();
          sim.script.next("streamCreateAndCall", { stream: { splitBytes: split, cutAfterBytes: cut } });
          // The simulator's scripted cut leaves the job open for good, like a server that keeps aborted jobs open:
          // such a client closes them at once (settleWindowMs: 0), so retry() and continue() need not wait.
          const view = renderWithClient(<Chat />, socketClient(server.url, { fetch: rec.fetch, retry: false, settleWindowMs: 0 }));
          try {
            act(() => hook.current!.send("go"));
            await waitFor(() => expect(["done", "interrupted"]).toContain(hook.current!.status));
            const partial = hook.current!.text;
            expect(partial).toBe(expectedText(rec.bytes()));
            expect(text.startsWith(partial)).toBe(true);
            expect(partial).not.toContain("\uFFFD");
            if (hook.current!.status === "interrupted") {
              act(() => (then === "retry" ? hook.current!.retry() : hook.current!.continue()));
              await waitFor(() => expect(hook.current!.status).toBe("done"));
              // retry: the partial answer is replaced, never duplicated; continue: the continuation (the rest of the
              // answer, or a whole new one when nothing was missing) is appended.
              expect(hook.current!.text).toBe(then === "retry" || partial === "" || partial !== text ? text : partial + text);
              expect(hook.current!.messages.filter((m) => m.role === "assistant")).toHaveLength(1);
            } else expect(partial).toBe(text);
          } catch (error) {
            failures++;
            throw error;
          } finally {
            view.unmount();
          }
        },
      ),
      { numRuns: RUNS, seed: 4242 },
    );
    // The single-shot jobs left open by cuts are failed asynchronously by the package.
    await waitFor(() => expect(sim.ledger.openJobs()).toEqual([]));
  }, 120_000);

  afterAll(() => recordFigures("4-streams-hook", { section: "Stream cuts through useChatStream over HTTP", cases, failures, jobs: sim.ledger.jobs().length, leaks: sim.ledger.openJobs().length }));
});
