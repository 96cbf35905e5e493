import { isSaaSLLMError } from "../SaaSLLMError";
import { closeReasonOf } from "./closeReason";
import type { JobCloser } from "./createJobCloser";

/** What the client saw of one single-shot call (E6), attempt by attempt. */
export interface SingleShotTrace {
  clientRequestId: string;
  /** When the call started (bounds the lookup). */
  startedAt: number;
  /** Attempts sent (each may have created a job). */
  attempts: number;
  /** The last attempt's response arrived (its job exists). */
  opened: boolean;
  /** The answer's end marker and then EOF arrived: the server completed the job before closing the body. */
  reachedEof: boolean;
}

/** Refusals that happen before the server creates a job (auth, team, credits, model, input). */
const REFUSED = new Set(["bad_request", "unauthorized", "team_suspended", "team_paused", "insufficient_credits", "model_access_denied", "forbidden", "not_found", "validation", "circuit_open"]);

/**
 * Whether the call may have left a job open, from how it ended. A clean answer read to EOF costs no
 * request; the server's own error event closed its job; a refusal created none.
 */
export function mayLeaveOpenJob(trace: SingleShotTrace, error: unknown): boolean {
  if (trace.attempts > 1) return true;
  if (error === undefined) return !trace.reachedEof;
  if (!isSaaSLLMError(error)) return true;
  if (error.kind === "stream_error") return !trace.opened;
  return trace.opened || !REFUSED.has(error.kind);
}

/**
 * Settles, through the client's one closer, the jobs a single-shot call may have left open. Never throws. An
 * answer read to EOF (a superseded earlier attempt aside) is closed at once; any other end is watched first
 * (`settleCall.ts`), because the server may still be generating it and will then complete and charge it.
 */
export function cleanUpSingleShot(closer: JobCloser, trace: SingleShotTrace, error: unknown): void {
  if (!mayLeaveOpenJob(trace, error)) return;
  const since = trace.startedAt;
  // A retried call whose last attempt was read to EOF: only the earlier attempts' jobs are left to close.
  if (error === undefined && trace.reachedEof) return void closer.failOpenJobs(trace.clientRequestId, "Retried: superseded by a later attempt", { since, beforeAttempt: trace.attempts, closedBy: "retry-cleanup" });
  const reason = error === undefined ? "The answer was delivered but its stream was cut before the server closed the job" : closeReasonOf(error);
  void closer.settle(trace.clientRequestId, { since, reason, endedBy: error, closedBy: "app" }).catch(() => undefined);
}
