/** Test fixture: simulator on loopback, the proxy in front of it on its own Node server (both real HTTP). */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, createSimulator, type Simulator } from "../../src/testing/index";
import { startSimulatorServer, type SimulatorServer } from "../../src/testing/node";
import { createSaaSLLMProxy, type SaaSLLMProxyOptions } from "../../src/server/createSaaSLLMProxy";
import { toNodeHandler } from "../../src/server/nodeHandler";

export interface ProxyFixture {
  simulator: Simulator;
  /** The proxy's origin plus its base path, the browser client's `baseUrl`. */
  baseUrl: string;
  /** The signals of the requests the simulator received, in order (to see disconnects arrive). */
  upstreamSignals: AbortSignal[];
}

/** Serves a fresh simulator and a proxy for the file; the simulator is reset before each test. */
export function useProxy(options: Partial<SaaSLLMProxyOptions> = {}, tokenDelayMs = 0): ProxyFixture {
  const ctx = { upstreamSignals: [] } as unknown as ProxyFixture;
  let sim: SimulatorServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ctx.simulator = createSimulator({ seed: 3, tokenDelayMs });
    const observed: Simulator = { ...ctx.simulator, fetch: (input, init) => {
      const request = new Request(input, init);
      ctx.upstreamSignals.push(request.signal);
      return ctx.simulator.fetch(request);
    } };
    sim = await startSimulatorServer(observed);
    const proxy = createSaaSLLMProxy({ upstreamUrl: sim.url, getVirtualKey: () => ({ virtualKey: DEMO_VIRTUAL_KEY, teamId: DEMO_TEAM_ID }), ...options });
    const server = createServer(toNodeHandler(proxy));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    ctx.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/llm`;
    close = () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  });
  beforeEach(() => {
    ctx.simulator.reset();
    ctx.upstreamSignals.length = 0;
  });
  afterAll(async () => {
    await close();
    await sim.close();
  });
  return ctx;
}

/** A JSON POST as a browser would send it (no key). */
export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

export const CHAT = { team_id: DEMO_TEAM_ID, job_type: "chat", model: "chat-fast", messages: [{ role: "user", content: "Hi" }] };
