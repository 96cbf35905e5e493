import { afterAll, beforeAll, beforeEach } from "vitest";
import { createSaaSLLMClient, isSaaSLLMError, type SaaSLLMClientOptions, type SaaSLLMError } from "../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator, type SimulatorOptions } from "../src/testing/index";
import { startSimulatorServer, type SimulatorServer } from "../src/testing/node";

/** A simulator served over a real loopback socket for the whole file, reset before each test. */
export function useSimulatorServer(options: SimulatorOptions = {}) {
  const ctx = {} as { simulator: Simulator; server: SimulatorServer; client: (o?: Partial<SaaSLLMClientOptions>) => ReturnType<typeof createSaaSLLMClient> };
  beforeAll(async () => {
    ctx.simulator = createSimulator({ seed: 7, ...options });
    ctx.server = await startSimulatorServer(ctx.simulator);
    ctx.client = (o = {}) => createSaaSLLMClient({ baseUrl: ctx.server.url, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, random: () => 0.5, ...o });
  });
  beforeEach(() => ctx.simulator.reset());
  afterAll(() => ctx.server.close());
  return ctx;
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
