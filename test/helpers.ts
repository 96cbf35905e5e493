import { afterAll, beforeEach } from "vitest";
import { createSaaSLLMClient, isSaaSLLMError, type SaaSLLMClientOptions, type SaaSLLMError } from "../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator, type SimulatorOptions } from "../src/testing/index";
import { startSimulatorServer, type SimulatorServer } from "../src/testing/node";

/**
 * A fresh simulator on its own loopback server for each test. A request that a test left in flight (an unmounted
 * hook's last send) reaches that test's server, never the next test's: no state is shared across cases. The
 * previous test's server is closed when the next test starts, after its components were unmounted.
 */
export function useSimulatorServer(options: SimulatorOptions = {}) {
  const ctx = {} as { simulator: Simulator; server: SimulatorServer; client: (o?: Partial<SaaSLLMClientOptions>) => ReturnType<typeof createSaaSLLMClient> };
  beforeEach(async () => {
    await ctx.server?.close();
    ctx.simulator = createSimulator({ seed: 7, ...options });
    ctx.server = await startSimulatorServer(ctx.simulator);
    const { url } = ctx.server;
    ctx.client = (o = {}) => createSaaSLLMClient({ baseUrl: url, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, random: () => 0.5, ...o });
  });
  afterAll(() => ctx.server?.close());
  return ctx;
}

/**
 * Serves `simulator` on its own server, through `before`, which sees each request first: it may hold one until
 * the test releases it, or watch its abort signal. Tests wait on these protocol events, never on the clock.
 */
export function serveThrough(simulator: Simulator, before: (request: Request) => Promise<void> | void): Promise<SimulatorServer> {
  const fetch = async (input: Request | string, init?: RequestInit) => {
    const request = new Request(input, init);
    await before(request);
    return simulator.fetch(request);
  };
  return startSimulatorServer({ ...simulator, fetch });
}

export const user = (content: string) => [{ role: "user" as const, content }];

/** The SaaSLLMError a call rejects with; fails the test if it resolves or rejects with anything else. */
export async function failureOf(call: Promise<unknown>): Promise<SaaSLLMError> {
  try {
    await call;
  } catch (error) {
    if (isSaaSLLMError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
