/** Scripted faults: queued per endpoint, consumed in order by matching requests. */
import type { EndpointName } from "../core/endpoints";
import type { Fault, FaultScript, StreamFault } from "./types";

interface Entry {
  endpoint: EndpointName | "*";
  fault: Fault;
  remaining: number;
}

const STREAMING: EndpointName[] = ["streamLLMCall", "streamCreateAndCall"];

/** The script plus `take`, which the simulator calls once per routed request. */
export interface FaultQueue extends FaultScript {
  /** Removes and returns the first fault that applies to a request to `endpoint`. */
  take(endpoint: EndpointName): Fault | undefined;
}

export function createFaultQueue(): FaultQueue {
  let entries: Entry[] = [];
  return {
    next(endpoint, fault, options = {}) {
      const times = options.times ?? 1;
      if (times > 0) entries.push({ endpoint, fault, remaining: times });
    },
    clear() {
      entries = [];
    },
    take(endpoint) {
      // A stream fault waits for a streaming request, even when scripted for "*".
      const index = entries.findIndex(
        (e) => (e.endpoint === "*" || e.endpoint === endpoint) && (!("stream" in e.fault) || STREAMING.includes(endpoint)),
      );
      const entry = entries[index];
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) entries.splice(index, 1);
      return entry.fault;
    },
  };
}

/** Narrowing helpers for the Fault union. */
export const isStreamFault = (f: Fault): f is { stream: StreamFault } => "stream" in f;
export const isNetworkFault = (f: Fault): f is { networkError: true } => "networkError" in f;
export const isDelayFault = (f: Fault): f is { delayMs: number } => "delayMs" in f;
export const isRawFault = (f: Fault): f is { status: number; body: string; contentType?: string; headers?: Record<string, string> } =>
  "status" in f && "body" in f;

const simulatedNetworkErrors = new WeakSet<object>();

/** The TypeError a scripted network error rejects with; marked so the Node server destroys the socket. */
export function simulatedNetworkError(): TypeError {
  const error = new TypeError("fetch failed", { cause: new Error("simulated network error (scripted fault)") });
  simulatedNetworkErrors.add(error);
  return error;
}

/** True for errors made by {@link simulatedNetworkError}. */
export const isSimulatedNetworkError = (e: unknown): boolean => typeof e === "object" && e !== null && simulatedNetworkErrors.has(e);
