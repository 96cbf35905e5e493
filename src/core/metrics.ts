import type { ClientEvent } from "./clientEvents";

export interface EndpointStats {
  requests: number;
  errors: number;
  retries: number;
  errorRate: number;
  meanLatencyMs: number;
  p95LatencyMs: number;
}

/**
 * Counts, error rate and latency per endpoint, fed by the client's events (the seed's "Metrics Tracking").
 *
 * @example
 * const metrics = createClientMetrics();
 * const client = createSaaSLLMClient({ ..., onEvent: metrics.record });
 * metrics.snapshot().llmCall?.p95LatencyMs
 */
export function createClientMetrics({ maxSamples = 1000 }: { maxSamples?: number } = {}) {
  const data = new Map<string, { requests: number; errors: number; retries: number; latencies: number[] }>();
  const entry = (endpoint: string) => {
    let e = data.get(endpoint);
    if (!e) data.set(endpoint, (e = { requests: 0, errors: 0, retries: 0, latencies: [] }));
    return e;
  };
  const sample = (e: { latencies: number[] }, ms: number) => {
    e.latencies.push(ms);
    if (e.latencies.length > maxSamples) e.latencies.shift();
  };
  return {
    record(event: ClientEvent): void {
      const e = entry(event.endpoint);
      if (event.type === "request") e.requests++;
      else if (event.type === "retry") e.retries++;
      else if (event.type === "error") {
        e.errors++;
        sample(e, event.latencyMs);
      }
      else if (event.type === "response" || event.type === "stream-start") sample(e, event.latencyMs);
    },
    snapshot(): Record<string, EndpointStats> {
      const out: Record<string, EndpointStats> = {};
      for (const [endpoint, e] of data) {
        const sorted = [...e.latencies].sort((a, b) => a - b);
        const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
        out[endpoint] = {
          requests: e.requests,
          errors: e.errors,
          retries: e.retries,
          errorRate: e.requests ? e.errors / e.requests : 0,
          meanLatencyMs: Math.round(mean),
          p95LatencyMs: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! : 0,
        };
      }
      return out;
    },
    reset(): void {
      data.clear();
    },
  };
}

export type ClientMetrics = ReturnType<typeof createClientMetrics>;
