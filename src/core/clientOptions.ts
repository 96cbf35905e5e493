import type { CircuitBreaker } from "./circuitBreaker";
import type { ClientEventListener } from "./clientEvents";
import type { EndpointName } from "./endpoints";
import type { SaaSLLMError } from "./SaaSLLMError";

export interface SaaSLLMClientOptions {
  /** Server origin, or a same-origin proxy prefix (`""` or `/llm`). Paths are appended as `/api/...`. */
  baseUrl: string;
  /** The team the key belongs to: sent in create bodies and team paths. */
  teamId: string;
  /** The virtual key. Leave both key options out when a proxy adds the Authorization header. */
  virtualKey?: string;
  /** Called for the key before each request; with `{ refresh: true }` once after a 401. */
  getVirtualKey?: (context: { refresh: boolean }) => string | undefined | Promise<string | undefined>;
  /** @default globalThis.fetch (read at call time, so it is SSR- and mock-friendly) */
  fetch?: typeof fetch;
  /** Per-endpoint timeouts in ms. @default the seed's table: create/get 10 s, llm-call 60 s, complete 30 s, streams 120 s */
  timeouts?: Partial<Record<EndpointName, number>>;
  /** Longest gap between stream bytes. @default 120000 */
  streamIdleTimeoutMs?: number;
  /**
   * Client-side retries by the core policy. GETs are retried by default; POSTs too unless `posts: false`,
   * with one Idempotency-Key per logical call. `false` turns all of it off.
   * `maxUpstreamCalls` bounds the provider calls one call may cause, retries included: an llm-call answered
   * `LLM call failed: … 429` (or that timed out) counts as the server's 9 provider tries, any other attempt as 1.
   * @default { maxRetries: 3, maxUpstreamCalls: 20, posts: true, idempotencyKeys: true }
   */
  retry?: false | { maxRetries?: number; maxUpstreamCalls?: number; posts?: boolean; idempotencyKeys?: boolean; delay?: (attempt: number, error: SaaSLLMError) => number };
  /**
   * How long, after a single-shot call ended without the client seeing its end (a stop, a cut, a timeout), the
   * client watches its job before it closes it as failed. The server as shipped finishes an aborted generation
   * and charges it, overwriting an earlier close; set 0 for a server that leaves aborted jobs open (uvicorn 0.54+).
   * @default 30000, or 2000 after a cut that came after text
   */
  settleWindowMs?: number;
  /** Structured events for logs and metrics (never carries the key). */
  onEvent?: ClientEventListener;
  /** Fail fast after repeated failures: `createCircuitBreaker(options)`, shareable between clients (an app without one ships none of it). */
  circuitBreaker?: CircuitBreaker;
  /** Random source for backoff jitter. @default Math.random */
  random?: () => number;
}
