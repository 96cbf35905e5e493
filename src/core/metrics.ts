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
  return {
    record(event: ClientEvent): void {
      let e = data.get(event.endpoint);
      if (!e) data.set(event.endpoint, (e = { requests: 0, errors: 0, retries: 0, latencies: [] }));
      if (event.type === "request") e.requests++;
      else if (event.type === "retry") e.retries++;
      else if (event.type === "error" || event.type === "response" || event.type === "stream-start") {
        if (event.type === "error") e.errors++;
        e.latencies.push(event.latencyMs);
        if (e.latencies.length > maxSamples) e.latencies.shift();
      }
    },
    snapshot(): Record<string, EndpointStats> {
      const out: Record<string, EndpointStats> = {};
      for (const [endpoint, e] of data) {
        const sorted = [...e.latencies].sort((a, b) => a - b);
        // An endpoint with no latency yet: 0 / 0 is NaN, read as 0.
        const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length || 0;
        out[endpoint] = {
          requests: e.requests,
          errors: e.errors,
          retries: e.retries,
          errorRate: e.requests ? e.errors / e.requests : 0,
          meanLatencyMs: Math.round(mean),
          // floor(n × 0.95) < n, so the index is in range whenever there is a sample.
          p95LatencyMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
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
