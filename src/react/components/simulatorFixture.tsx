// Test-only helpers (not exported from the package): a real simulator on loopback and a client to it.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { afterEach } from "vitest";
import { createSaaSLLMClient, type SaaSLLMClient } from "../../core/createSaaSLLMClient";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator, type SimulatorOptions } from "../../testing/index";
import { startSimulatorServer } from "../../testing/node";
import { SaaSLLMProvider } from "../SaaSLLMProvider";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Starts a simulator server (closed after the test) and a client with retries off, so one fault = one error. */
export async function startSim(options: SimulatorOptions = {}): Promise<{ simulator: Simulator; client: SaaSLLMClient; url: string }> {
  const simulator = createSimulator({ seed: 1, ...options });
  const server = await startSimulatorServer(simulator);
  closers.push(() => server.close());
  const client = createSaaSLLMClient({ baseUrl: server.url, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, retry: false });
  return { simulator, client, url: server.url };
}

export { failureOf } from "../../../test/helpers";

/** App-like wrapper: the app's QueryClient, then our provider. */
export function withProviders(client: SaaSLLMClient, queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <SaaSLLMProvider client={client}>{children}</SaaSLLMProvider>
      </QueryClientProvider>
    );
  };
}

export const hello = [{ role: "user" as const, content: "Hello" }];
