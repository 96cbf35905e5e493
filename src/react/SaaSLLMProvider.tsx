import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { SaaSLLMClient } from "../core/createSaaSLLMClient";
import { createStreamRegistry, type StreamRegistry } from "./chatStream/streamRegistry";
import { createTeamStatusStore, type TeamStatusStore } from "./teamStatusStore";

interface SaaSLLMContextValue {
  client: SaaSLLMClient;
  teamStatus: TeamStatusStore;
  /** Chat streams shared by `id`. */
  streams: StreamRegistry;
}

const SaaSLLMContext = createContext<SaaSLLMContextValue | null>(null);

export interface SaaSLLMProviderProps {
  /** From `createSaaSLLMClient`. Create it once (module scope or `useState`), not on every render. */
  client: SaaSLLMClient;
  children?: ReactNode;
}

/**
 * Makes a client available to the hooks and components. Goes inside your own `QueryClientProvider`.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <SaaSLLMProvider client={client}><App /></SaaSLLMProvider>
 * </QueryClientProvider>
 */
export function SaaSLLMProvider({ client, children }: SaaSLLMProviderProps) {
  const [teamStatus] = useState(createTeamStatusStore);
  const [streams] = useState(createStreamRegistry);
  // Subscribing in an effect keeps server rendering side-effect free; a new client (new key) starts clean.
  useEffect(() => {
    teamStatus.getState().clear();
    return client.subscribe((event) => teamStatus.getState().record(event));
  }, [client, teamStatus]);
  const [value, setValue] = useState<SaaSLLMContextValue>(() => ({ client, teamStatus, streams }));
  if (value.client !== client) setValue({ client, teamStatus, streams });
  return <SaaSLLMContext.Provider value={value}>{children}</SaaSLLMContext.Provider>;
}

/** The provider's value, or null outside `<SaaSLLMProvider>` (for tools that also take a client directly). */
export function useOptionalSaaSLLMContext(): SaaSLLMContextValue | null {
  return useContext(SaaSLLMContext);
}

/** The provider's value; throws a clear error outside `<SaaSLLMProvider>`. */
export function useSaaSLLMContext(): SaaSLLMContextValue {
  const value = useContext(SaaSLLMContext);
  if (!value) throw new Error("@saas-litellm/react: this hook must be used inside <SaaSLLMProvider client={...}>.");
  return value;
}

/** The client given to the nearest `<SaaSLLMProvider>`. */
export function useSaaSLLMClient(): SaaSLLMClient {
  return useSaaSLLMContext().client;
}
