import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, useContext, useState, type ReactNode } from "react";
import { createSaaSLLMClient, SaaSLLMProvider, type SaaSLLMClient, type SaaSLLMClientOptions } from "@saas-litellm/react";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY, type Simulator, type SimulatorOptions } from "@saas-litellm/react/testing";
import { createSimulatorHandlers } from "@saas-litellm/react/testing/msw";
import { setupWorker } from "msw/browser";

/** What every story runs against: its own simulator (through MSW), or the real server behind the dev proxy. */
export type Demo =
  | { mode: "simulator"; simulator: Simulator; client: SaaSLLMClient }
  | { mode: "real"; simulator: null; client: SaaSLLMClient };

/** Story parameters read by {@link demoLoader}. */
export interface DemoParameters {
  /** Options of this story's simulator, merged over the defaults. */
  simulator?: SimulatorOptions;
  /** Options of this story's client (e.g. a short timeout), merged over the defaults. */
  client?: Partial<SaaSLLMClientOptions>;
}

/** True when Storybook was started with SAAS_LLM_URL and SAAS_LLM_KEY (see .storybook/main.ts). */
export const REAL_SERVER = __SAAS_LLM_REAL__;

const worker = REAL_SERVER ? null : setupWorker();
let ready: Promise<unknown> | null = null;
let stories = 0;

/**
 * Storybook loader: one fresh simulator per rendered story, served by MSW under its own path prefix
 * (several stories share a docs page, each with its own simulator). In real-server mode the client is
 * keyless and talks to `/llm`, which the dev server proxies and signs.
 */
export async function demoLoader(context: { parameters: DemoParameters }): Promise<{ demo: Demo }> {
  if (!worker) return { demo: { mode: "real", simulator: null, client: createSaaSLLMClient({ baseUrl: "/llm", teamId: __SAAS_LLM_TEAM__ }) } };
  ready ??= worker.start({ serviceWorker: { url: "./mockServiceWorker.js" }, onUnhandledRequest: "bypass", quiet: true });
  await ready;
  // No resetHandlers(): each story has its own prefix, so earlier handlers never answer this story. A request an
  // earlier story still had in flight (its credits poll, during navigation or a reload) is then answered by its
  // own simulator instead of falling through to the static server as a 404.
  const simulator = createSimulator({ preset: "documented", seed: 1, tokenDelayMs: 20, ...context.parameters.simulator });
  const prefix = `/llm/story-${++stories}`;
  worker.use(...createSimulatorHandlers(simulator, { baseUrl: `${location.origin}${prefix}` }));
  // The simulator's demo key is no secret; a real app leaves the key out and lets its proxy add it.
  const client = createSaaSLLMClient({ baseUrl: prefix, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, ...context.parameters.client });
  return { demo: { mode: "simulator", simulator, client } };
}

const DemoContext = createContext<Demo | null>(null);

/** The story's simulator (null against a real server) and client. */
export function useDemo(): Demo {
  const demo = useContext(DemoContext);
  if (!demo) throw new Error("useDemo() outside the Storybook decorator");
  return demo;
}

/** The app shell every story renders in: the app's QueryClient, then the package's provider. */
export function DemoProviders({ demo, children }: { demo: Demo; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <DemoContext.Provider value={demo}>
      <QueryClientProvider client={queryClient}>
        <SaaSLLMProvider client={demo.client}>{children}</SaaSLLMProvider>
      </QueryClientProvider>
    </DemoContext.Provider>
  );
}
