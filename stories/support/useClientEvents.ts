import { useEffect, useReducer } from "react";
import { useSaaSLLMClient } from "@saas-litellm/react";

/** Re-renders on every client event (to show whether an armed fault was used yet). */
export function useOnClientEvents(): void {
  const client = useSaaSLLMClient();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => client.subscribe(() => bump()), [client]);
}
