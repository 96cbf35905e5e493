import type { DelaySource, JobCharge, JobClosedBy, NoRetryReason } from "../core/clientEvents";
import type { EndpointName } from "../core/endpoints";
import type { SaaSLLMErrorKind } from "../core/SaaSLLMError";
import type { Usage } from "../core/types";

/** One attempt of a request, as the client reported it. */
export interface InspectedAttempt {
  attempt: number;
  at: number;
  status?: number;
  latencyMs?: number;
  /** Set when the attempt failed (the panel shows the UI state it maps to). */
  error?: { kind: SaaSLLMErrorKind; status?: number; message: string; retryable: boolean };
  /** The client's decision after a failure: wait and try again, or stop (and why). */
  retry?: { delayMs: number; delaySource: DelaySource; retry: number; maxRetries: number };
  noRetry?: NoRetryReason;
}

/** One logical call (all its attempts share a request id). */
export interface InspectedRequest {
  requestId: string;
  endpoint: EndpointName;
  method: string;
  path: string;
  jobId: string | null;
  startedAt: number;
  outcome: "pending" | "ok" | "error";
  attempts: InspectedAttempt[];
}

export type StreamPhase = "requested" | "opened" | "first-token" | "ended";

/** One streamed answer (the attempt that opened). */
export interface InspectedStream {
  requestId: string;
  endpoint: EndpointName;
  jobId: string | null;
  attempt: number;
  phases: Array<{ phase: StreamPhase; at: number }>;
  firstTokenMs: number | null;
  chunks: number;
  chars: number;
  /** `done`, or the error kind it ended with; undefined while it streams. */
  outcome?: "done" | SaaSLLMErrorKind;
  finishReason: string | null;
  usage: Usage | null;
  durationMs?: number;
}

/** One close request for a job; more than one on the same job is worth a warning (the charge can flip). */
export interface InspectedClose {
  at: number;
  status: "completed" | "failed";
  by: JobClosedBy;
  reason?: string;
  ok: boolean;
  errorKind?: SaaSLLMErrorKind;
  /** Asked again and answered from the first close: no request was sent. */
  shared?: boolean;
}

export interface InspectedJob {
  jobId: string;
  openedAt: number;
  via: EndpointName;
  jobType?: string;
  calls: number;
  tokens: number;
  status: "open" | "completed" | "failed";
  closes: InspectedClose[];
  charge?: JobCharge;
}

/** Everything the inspector knows, newest entries last. */
export interface InspectorData {
  jobs: InspectedJob[];
  requests: InspectedRequest[];
  streams: InspectedStream[];
}
