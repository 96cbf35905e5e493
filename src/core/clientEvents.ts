import type { SaaSLLMErrorKind } from "./SaaSLLMError";
import type { EndpointName } from "./endpoints";
import type { Usage } from "./types";

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
  /** `retry` of `maxRetries`: this wait's place in the budget; `kind`/`status` are why it is retried. */
  | (Base & { type: "retry"; delayMs: number; kind: SaaSLLMErrorKind; status?: number; delaySource: DelaySource; retry: number; maxRetries: number })
  | (Base & { type: "no-retry"; kind: SaaSLLMErrorKind; status?: number; reason: NoRetryReason })
  | (Base & { type: "error"; kind: SaaSLLMErrorKind; status?: number; latencyMs: number; retryable: boolean; message: string })
  | (Base & { type: "stream-start"; status: number; latencyMs: number })
  | (Base & { type: "first-token"; latencyMs: number })
  | (Base & { type: "stream-end"; latencyMs: number; chunks: number; chars: number; outcome: "done" | SaaSLLMErrorKind; firstTokenMs: number | null; finishReason: string | null; usage: Usage | null; jobId: string | null })
  | (Base & { type: "call-usage"; jobId: string; tokens: number; serverLatencyMs: number; model: string })
  | (Base & { type: "job-open"; jobId: string; jobType?: string })
  | (Base & { type: "job-close"; jobId: string; status: "completed" | "failed"; by: JobClosedBy; reason?: string; ok: boolean; charge?: JobCharge; errorKind?: SaaSLLMErrorKind })
  /** A close asked for a job this client already closed (or is closing): answered from that close, nothing sent. */
  | (Base & { type: "job-close-shared"; jobId: string; status: "completed" | "failed"; by: JobClosedBy; reason?: string })
  | (Base & { type: "credits"; creditApplied: boolean; creditsRemaining: number });

/** Where a retry's wait came from: the server's Retry-After, the policy's jittered backoff, or the app's `retry.delay`. */
export type DelaySource = "retry-after" | "backoff" | "custom";

/** Why a failed attempt was the last one. */
export type NoRetryReason = "not-retryable" | "retries-exhausted" | "retries-off" | "partial-text" | "aborted" | "upstream-budget" | "unknown-outcome";

/** Who closed a job: the app's own call, cleanup after an unmount or after superseded retries, a chat settling an answer of unknown fate (`reconcile`), or the server (E5/E6). */
export type JobClosedBy = "app" | "unmount" | "retry-cleanup" | "server" | "reconcile";

/** What closing a job cost, from the server's `costs` (credits per completed job; USD is provider cost). */
export interface JobCharge {
  creditApplied: boolean;
  creditsRemaining: number;
  costUsd: number;
  tokens: number;
  calls: number;
}

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
