import type { SaaSLLMErrorKind } from "./SaaSLLMError";
import type { EndpointName } from "./endpoints";

interface Base {
  endpoint: EndpointName;
  /** Our id for one logical call; the same on every attempt. */
  requestId: string;
  /** 1 for the first try, 2 for the first retry ... */
  attempt: number;
  /** ms since epoch */
  at: number;
}

/**
 * Structured events for logging and metrics. They never contain the virtual key or a request body.
 *
 * @example createSaaSLLMClient({ ..., onEvent: (e) => e.type === "error" && log.warn(e) })
 */
export type ClientEvent =
  | (Base & { type: "request"; method: string; path: string })
  | (Base & { type: "response"; status: number; latencyMs: number })
  | (Base & { type: "retry"; delayMs: number; kind: SaaSLLMErrorKind; status?: number })
  | (Base & { type: "error"; kind: SaaSLLMErrorKind; status?: number; latencyMs: number; retryable: boolean; message: string })
  | (Base & { type: "stream-start"; status: number; latencyMs: number })
  | (Base & { type: "first-token"; latencyMs: number })
  | (Base & { type: "stream-end"; latencyMs: number; chunks: number; chars: number; outcome: "done" | SaaSLLMErrorKind })
  | (Base & { type: "credits"; creditApplied: boolean; creditsRemaining: number });

export type ClientEventListener = (event: ClientEvent) => void;

/** A tiny listener set; a throwing listener never breaks a request. */
export function createEventHub(initial?: ClientEventListener) {
  const listeners = new Set<ClientEventListener>();
  if (initial) listeners.add(initial);
  return {
    emit(event: ClientEvent) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // Observers must not change the outcome of a call.
        }
      }
    },
    subscribe(listener: ClientEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
