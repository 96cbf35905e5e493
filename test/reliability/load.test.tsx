// @vitest-environment jsdom
import { waitFor } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useChatStream, useChatStreamState, type SaaSLLMClient } from "../../src/index";
import { startSimulatorServer, type SimulatorServer } from "../../src/testing/node";
import { renderWithClient } from "../react/render";
import { makeSimulator, recordFigures, socketClient } from "./kit";

// One page, 50 concurrent streams over real sockets; half are shared by id with a second reader.
const STREAMS = 50;
const REPLY = (n: number) => `Stream ${n}: café 日本語 🚀 👩‍💻 🇫🇷 — ${"mot ".repeat(n % 7)}fin.`;
const sim = makeSimulator({ replyText: (messages) => REPLY(Number((messages.at(-1) as { content: string }).content)), tokenDelayMs: 3 });
let server: SimulatorServer;
beforeAll(async () => void (server = await startSimulatorServer(sim)));
afterAll(() => server.close());

describe("load: 50 concurrent streams on one page", () => {
  it("every text exact; after unmount no listeners, no open jobs", async () => {
    const base = socketClient(server.url);
    let listeners = 0;
    // Counts the client's subscribers (the provider's team-status store is one).
    const client: SaaSLLMClient = { ...base, subscribe: (l) => (listeners++, (() => { listeners--; return base.subscribe(l)(); }) as () => void) } as SaaSLLMClient;
    const texts = new Map<number, string>();
    const shared = new Map<number, string>();
    function Stream({ n }: { n: number }) {
      const chat = useChatStream({ model: "chat-fast", ...(n % 2 ? { id: `s${n}` } : {}) });
      const [sent] = [chat.status !== "idle"];
      if (!sent) queueMicrotask(() => chat.send(String(n)));
      if (chat.status === "done") texts.set(n, chat.text);
      return <p>{chat.text}</p>;
    }
    function Reader({ n }: { n: number }) {
      const text = useChatStreamState(`s${n}`, (s) => (s.status === "done" ? s.text : ""));
      if (text) shared.set(n, text);
      return <span>{text}</span>;
    }
    const ns = Array.from({ length: STREAMS }, (_, i) => i);
    const view = renderWithClient(<>{ns.map((n) => <div key={n}><Stream n={n} />{n % 2 ? <Reader n={n} /> : null}</div>)}</>, client);
    await waitFor(() => expect(texts.size).toBe(STREAMS), { timeout: 20_000 });
    const wrong = ns.filter((n) => texts.get(n) !== REPLY(n) || (n % 2 === 1 && shared.get(n) !== REPLY(n)));
    expect(listeners).toBeGreaterThan(0);
    view.unmount();
    await waitFor(() => expect(listeners).toBe(0));
    await waitFor(() => expect(sim.ledger.openJobs()).toEqual([]));
    recordFigures("7-load", { section: "Load: 50 concurrent streams, 25 shared by id", cases: STREAMS, failures: wrong.length, jobs: sim.ledger.jobs().length, leaks: listeners });
    expect(wrong).toEqual([]);
  }, 40_000);
});
