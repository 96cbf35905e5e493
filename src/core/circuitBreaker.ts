import { SaaSLLMError, type SaaSLLMErrorKind } from "./SaaSLLMError";

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. @default 5 */
  failureThreshold?: number;
  /** How long it stays open before one probe is let through. @default 60000 */
  cooldownMs?: number;
  now?: () => number;
}

export type CircuitState = "closed" | "open" | "half_open";

// Only failures that say the service is unhealthy count; a 403 or 422 is the caller's problem.
const COUNTED: ReadonlySet<SaaSLLMErrorKind> = new Set(["server", "unavailable", "network", "timeout", "rate_limited"]);

/**
 * The seed's circuit breaker: after `failureThreshold` consecutive failures, calls fail fast with
 * `circuit_open` for `cooldownMs`; then one probe decides whether it closes again.
 *
 * @example createSaaSLLMClient({ ..., circuitBreaker: createCircuitBreaker({ failureThreshold: 5, cooldownMs: 60_000 }) })
 */
export function createCircuitBreaker({ failureThreshold = 5, cooldownMs = 60_000, now = Date.now }: CircuitBreakerOptions = {}) {
  let state: CircuitState = "closed";
  let failures = 0;
  let openedAt = 0;
  let probing = false;
  const close = () => {
    state = "closed";
    failures = 0;
    probing = false;
  };
  // An open circuit whose cooldown has passed is half open: the next call is its probe.
  const current = (): CircuitState => (state === "open" && now() - openedAt >= cooldownMs ? "half_open" : state);
  return {
    get state(): CircuitState {
      return current();
    },
    /** Throws `circuit_open` when the call must not be made. */
    before(endpoint?: string): void {
      state = current();
      if (state === "closed") return;
      if (state === "half_open" && !probing) {
        probing = true;
        return;
      }
      const waitMs = Math.max(0, cooldownMs - (now() - openedAt));
      throw new SaaSLLMError({
        kind: "circuit_open",
        message: `Requests are paused after ${failures} consecutive failures; next try in ${Math.ceil(waitMs / 1000)} s`,
        retryAfterMs: waitMs,
        endpoint,
      });
    },
    success(): void {
      close();
    },
    failure(kind: SaaSLLMErrorKind): void {
      if (!COUNTED.has(kind)) {
        // A probe that failed for the caller's own reason (a 403, a 422) still reached a healthy service.
        if (state === "half_open") close();
        return;
      }
      failures++;
      if (state === "half_open" || failures >= failureThreshold) {
        state = "open";
        openedAt = now();
        probing = false;
      }
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
