import { useEffect, useReducer, useState } from "react";
import { useSaaSLLMClient, type ChatStreamStatus } from "@saas-litellm/react";

const STREAMS = new Set(["streamLLMCall", "streamCreateAndCall"]);

/**
 * When the client's next automatic stream attempt starts (from its `retry` events), while the stream is
 * still connecting: feeds `<StreamStatus retryingAt>`, so a 429 shows "Retrying in 5 s…", not a silent wait.
 */
export function useRetryingAt(status: ChatStreamStatus): number | null {
  const client = useSaaSLLMClient();
  const [at, setAt] = useState<number | null>(null);
  useEffect(() => client.subscribe((e) => e.type === "retry" && STREAMS.has(e.endpoint) && setAt(Date.now() + e.delayMs)), [client]);
  return status === "connecting" ? at : null;
}

/** Re-renders on every client event (to show whether an armed fault was used yet). */
export function useOnClientEvents(): void {
  const client = useSaaSLLMClient();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => client.subscribe(() => bump()), [client]);
}
