/**
 * A browser page of the matrix: its own client (on the counted wire), QueryClient and React tree. `kill()` is
 * the page going away mid-answer (a reload): its connections drop and nothing it sends afterwards arrives.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createSaaSLLMClient, SaaSLLMProvider, type ChatStorage, type SaaSLLMClient } from "../../src/index";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import type { Wire } from "./wire";

export interface Page {
  client: SaaSLLMClient;
  /** The page's content, as the user sees it. */
  root(): Element;
  kill(): void;
  unmount(): void;
}

export function openPage(url: string, wire: Wire, ui: ReactElement): Page {
  let dead = false;
  const gone = new AbortController();
  const fetch: typeof globalThis.fetch = (input, init) => {
    if (dead) return Promise.reject(new TypeError("page gone"));
    const signal = init?.signal ? AbortSignal.any([init.signal, gone.signal]) : gone.signal;
    return wire.clientFetch(input, { ...init, signal });
  };
  const client = createSaaSLLMClient({ baseUrl: url, teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, fetch, random: () => 0.5 });
  const queryClient = new QueryClient();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <SaaSLLMProvider client={client}>{ui}</SaaSLLMProvider>
    </QueryClientProvider>,
  );
  let mounted = true;
  const unmount = () => {
    if (mounted) view.unmount();
    mounted = false;
    queryClient.clear();
  };
  return {
    client,
    root: () => view.container,
    kill: () => {
      dead = true;
      gone.abort(new TypeError("page gone"));
      unmount();
    },
    unmount,
  };
}

/** The page's view of the browser's storage (shared by the pages of a cell): a dead page reads and writes nothing. */
export function pageStorage(data: Map<string, string>): { storage: ChatStorage; kill(): void } {
  let dead = false;
  return {
    storage: {
      getItem: (key) => (dead ? null : (data.get(key) ?? null)),
      setItem: (key, value) => void (dead || data.set(key, value)),
      removeItem: (key) => void (dead || data.delete(key)),
    },
    kill: () => void (dead = true),
  };
}
