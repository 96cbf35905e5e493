import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { SaaSLLMJobsClient } from "../core/createJobsClient";
import type { SaaSLLMClient } from "../core/createSaaSLLMClient";
import type { StreamRegistry } from "./chatStream/streamRegistry";
import type { ClientNeed, RegisteredClient } from "./register";
import { createTeamStatusStore, type TeamStatusStore } from "./teamStatusStore";

interface SaaSLLMContextValue {
  client: SaaSLLMClient;
  teamStatus: TeamStatusStore;
  /** Chat streams shared by `id`: an empty map here, filled by `useChatStream` (so only it ships the chat engine). */
  streams: StreamRegistry;
  /**
   * The runtime twin of `RequiresClient`, for untyped code: a `TypeError` naming the module the client lacks.
   * The provider's, so a hook's own bundle carries no message text.
   */
  require(need: ClientNeed): void;
}

const SaaSLLMContext = createContext<SaaSLLMContextValue | null>(null);

/** Unregistered composed clients are refused by name, so no hook runs on a client it cannot use. */
/** A composed client given to the provider must be the registered one (see `Register`). */
export type RegisteredCheck<C> = [C] extends [RegisteredClient] ? unknown : { 'register this client: declare module "@saas-litellm/react" { interface Register { client: typeof client } }': never };

export interface SaaSLLMProviderProps<C extends SaaSLLMJobsClient = RegisteredClient> {
  /**
   * From `createSaaSLLMClient`, or a lighter `composeSaaSLLMClient(options, ...modules)` registered with
   * `Register`: `useLLMCall` and `useJob` need no module, `useChatStream` needs `streamMethods`, and
   * `CreditsMeter`, `JobCost` and `useCredits` need `accountMethods`. Create it once (module scope or
   * `useState`), not on every render.
   */
  client: C & RegisteredCheck<C>;
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
export function SaaSLLMProvider<C extends SaaSLLMJobsClient>(props: SaaSLLMProviderProps<C>) {
  // The hooks type the client as the full one; each checks the module it calls (`useSaaSLLMContext(need)`).
  const client = props.client as SaaSLLMJobsClient as SaaSLLMClient;
  const [shared] = useState(() => ({ teamStatus: createTeamStatusStore(), streams: new Map() as StreamRegistry }));
  const { teamStatus } = shared;
  // Subscribing in an effect keeps server rendering side-effect free; a new client (new key) starts clean.
  useEffect(() => {
    teamStatus.getState().clear();
    return client.subscribe(teamStatus.getState().record);
  }, [client, teamStatus]);
  const value = useMemo<SaaSLLMContextValue>(
    () => ({
      client,
      ...shared,
      require([user, module, method]) {
        if (!(method in client)) throw new TypeError(`${user} needs a client composed with ${module}: composeSaaSLLMClient(options, ${module})`);
      },
    }),
    [client, shared],
  );
  return <SaaSLLMContext.Provider value={value}>{props.children}</SaaSLLMContext.Provider>;
}

/** The provider's value, or null outside `<SaaSLLMProvider>` (for tools that also take a client directly). */
export function useOptionalSaaSLLMContext(): SaaSLLMContextValue | null {
  return useContext(SaaSLLMContext);
}

/**
 * The provider's value; throws a clear error outside `<SaaSLLMProvider>`, or (the runtime twin of
 * `RequiresClient`, for untyped code) a `TypeError` naming the module when the client lacks what `need` calls.
 */
export function useSaaSLLMContext(need?: ClientNeed): SaaSLLMContextValue {
  const value = useContext(SaaSLLMContext);
  if (!value) throw new Error("@saas-litellm/react: call this hook inside <SaaSLLMProvider client={...}>.");
  if (need) value.require(need);
  return value;
}

/** The client given to the nearest `<SaaSLLMProvider>`, typed as the one registered with `Register`. */
export function useSaaSLLMClient(): RegisteredClient {
  return useSaaSLLMContext().client;
}
