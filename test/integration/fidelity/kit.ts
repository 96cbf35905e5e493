/** Shared pieces of the upstream-behaviour suite (docs/upstream-behaviour.md): a client on `simulator.fetch` and a fake clock to read timings off. */
import { vi } from "vitest";
import { createSaaSLLMClient, type ClientEvent, type SaaSLLMClientOptions } from "../../../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator, type SimulatorOptions } from "../../../src/testing/index";

export const BASE = "http://sim.test";
export const AUTH = { authorization: `Bearer ${DEMO_VIRTUAL_KEY}`, "content-type": "application/json" };
export const MESSAGES = [{ role: "user" as const, content: "Capital of France?" }];
/** 13 tokens, as in the measured run (13 chunks of 150 ms each). */
export const THIRTEEN = "one two three four five six seven eight nine ten eleven twelve thirteen";

/** A simulator, a client on its `fetch` (no sockets: fake timers reach everything) and the client's events. */
export function direct(options: SimulatorOptions = {}, client: Partial<SaaSLLMClientOptions> = {}) {
  const sim: Simulator = createSimulator({ preset: "upstream", seed: 5, ...options });
  const events: ClientEvent[] = [];
  const api = createSaaSLLMClient({
    baseUrl: BASE,
    teamId: DEMO_TEAM_ID,
    virtualKey: DEMO_VIRTUAL_KEY,
    fetch: (input, init) => sim.fetch(new Request(input, init)),
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    ...client,
  });
  return { sim, client: api, events };
}

/** Runs `work` on a fake clock, advancing timer by timer until it settles; resolves with its outcome and the elapsed fake time. */
export async function onFakeClock<T>(work: () => Promise<T>): Promise<{ value?: T; error?: unknown; elapsedMs: number }> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  try {
    const start = Date.now();
    let settled = false;
    const outcome = work().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    void outcome.finally(() => (settled = true));
    for (let i = 0; i < 10_000 && !settled; i++) await vi.advanceTimersToNextTimerAsync();
    const result = await outcome;
    return { ...result, elapsedMs: Date.now() - start };
  } finally {
    vi.useRealTimers();
  }
}

/** A raw E6 request. */
export const streamRequest = (body: Record<string, unknown> = {}) =>
  new Request(`${BASE}/api/jobs/create-and-call-stream`, {
    method: "POST",
    headers: AUTH,
    body: JSON.stringify({ team_id: DEMO_TEAM_ID, job_type: "chat", model: "chat-fast", messages: MESSAGES, ...body }),
  });

/** Reads a body, noting the fake-clock time (ms after `start`) of every network chunk. */
export async function timeline(body: ReadableStream<Uint8Array> | null, start: number): Promise<Array<{ at: number; text: string }>> {
  const out: Array<{ at: number; text: string }> = [];
  if (!body) return out;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push({ at: Date.now() - start, text: decoder.decode(value, { stream: true }) });
  }
}

/** The `data:` payloads of an SSE text. */
export const dataOf = (text: string): string[] => text.split("\n\n").filter((b) => b.startsWith("data: ")).map((b) => b.slice(6));
