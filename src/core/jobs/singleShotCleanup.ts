import { isSaaSLLMError } from "../SaaSLLMError";
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

/** A request cut off before its answer may still reach the server and create its job a moment later. */
const LATE_LOOKUP_MS = 1500;

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
 * Closes, through the client's one closer, the jobs a single-shot call left open. Never throws. When the
 * client walked away before the server answered, one later lookup catches a job created after the first.
 */
export function cleanUpSingleShot(closer: JobCloser, trace: SingleShotTrace, error: unknown): void {
  if (!mayLeaveOpenJob(trace, error)) return;
  const reason = error === undefined ? "The answer was delivered but its stream was cut before the server closed the job" : isSaaSLLMError(error) ? `${error.kind}: ${error.message}` : "Stream abandoned by the client";
  const options = { since: trace.startedAt };
  const superseded = trace.attempts > 1 && error === undefined && trace.reachedEof;
  if (superseded) void closer.failOpenJobs(trace.clientRequestId, "Retried: superseded by a later attempt", { ...options, beforeAttempt: trace.attempts, closedBy: "retry-cleanup" });
  else void closer.failOpenJobs(trace.clientRequestId, reason, error === undefined && trace.reachedEof ? { ...options, beforeAttempt: trace.attempts } : options);
  const walkedAway = !trace.opened && isSaaSLLMError(error) && (error.kind === "aborted" || error.kind === "timeout");
  if (!walkedAway) return;
  const timer = setTimeout(() => void closer.failOpenJobs(trace.clientRequestId, reason, options), LATE_LOOKUP_MS) as unknown as { unref?: () => void };
  // Node: do not keep a process alive for it (browsers have no unref).
  timer.unref?.();
}
