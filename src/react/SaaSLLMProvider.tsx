import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { SaaSLLMJobsClient } from "../core/createJobsClient";
import type { SaaSLLMClient } from "../core/createSaaSLLMClient";
import type { StreamRegistry } from "./chatStream/streamRegistry";
import { createTeamStatusStore, type TeamStatusStore } from "./teamStatusStore";

interface SaaSLLMContextValue {
  client: SaaSLLMClient;
  teamStatus: TeamStatusStore;
  /** Chat streams shared by `id`: an empty map here, filled by `useChatStream` (so only it ships the chat engine). */
  streams: StreamRegistry;
}

const SaaSLLMContext = createContext<SaaSLLMContextValue | null>(null);

export interface SaaSLLMProviderProps {
  /**
   * From `createSaaSLLMClient`, or a lighter `composeSaaSLLMClient(options, ...modules)`: `useLLMCall` and
   * `useJob` need no module, `useChatStream` needs `streamMethods`, and `CreditsMeter`, `JobCost` and
   * `useCredits` need `accountMethods`. Create it once (module scope or `useState`),
   * not on every render.
   */
  client: SaaSLLMClient | SaaSLLMJobsClient;
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
export function SaaSLLMProvider(props: SaaSLLMProviderProps) {
  // The hooks type the client as the full one; a composed client carries the methods its app calls.
  const client = props.client as SaaSLLMClient;
  const [teamStatus] = useState(createTeamStatusStore);
  const [streams] = useState<StreamRegistry>(() => new Map());
  // Subscribing in an effect keeps server rendering side-effect free; a new client (new key) starts clean.
  useEffect(() => {
    teamStatus.getState().clear();
    return client.subscribe((event) => teamStatus.getState().record(event));
  }, [client, teamStatus]);
  const [value, setValue] = useState<SaaSLLMContextValue>(() => ({ client, teamStatus, streams }));
  if (value.client !== client) setValue({ client, teamStatus, streams });
  return <SaaSLLMContext.Provider value={value}>{props.children}</SaaSLLMContext.Provider>;
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
