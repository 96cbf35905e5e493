/** Public types of scripted faults (proxy errors, transport failures, broken streams). */
import type { EndpointName } from "../core/endpoints";

/**
 * A stream fault for E4/E6 between the API and the client (a proxy, the network): see docs/wire-protocol.md
 * A failure of the provider itself is `simulator.provider.next(…)`, which the server turns into one error event.
 */
export interface StreamFault {
  /** The connection closes cleanly after K content events (no end marker). The job stays IN_PROGRESS. */
  cutAfterChunks?: number;
  /** Close cleanly after K bytes of the body; may cut mid-line and mid-character. */
  cutAfterBytes?: number;
  /** Error the body instead of closing it (over the Node server: destroy the socket). Without a cut, it happens before the end marker. */
  reset?: boolean;
  /**
   * Send `data: {"error": <this>}` after `errorAfterChunks` content events, then close. The job becomes FAILED.
   * With no content before it, `upstream` and `live` send no role chunk before it either (upstream-behaviour §2).
   */
  errorEvent?: string | object;
  /** @default 0 */
  errorAfterChunks?: number;
  /** Send the end marker first, then the error event (bookkeeping failure, §6.4). */
  errorAfterDone?: boolean;
  /** Time per chunk: on `upstream` the provider's (all of it passes before the burst), elsewhere between events. */
  tokenDelayMs?: number;
  /** Deliver every event in network chunks of this many bytes. */
  splitBytes?: number;
  /** Extra `: keepalive` comments, one after each of the first N content events. */
  keepalives?: number;
}

/** A scripted fault; the first that matches a request is consumed. */
export type Fault =
  | { status: number; detail?: unknown; headers?: Record<string, string> }
  | { status: number; body: string; contentType?: string; headers?: Record<string, string> }
  | { networkError: true }
  | { delayMs: number }
  | { stream: StreamFault };

/** Scripted faults, consumed in order. */
export interface FaultScript {
  /** Applies `fault` to the next `times` (default 1) requests to `endpoint` ("*" = any API endpoint). */
  next(endpoint: EndpointName | "*", fault: Fault, options?: { times?: number }): void;
  clear(): void;
}
