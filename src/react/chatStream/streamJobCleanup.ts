import type { SaaSLLMClient } from "../../core/createSaaSLLMClient";
import type { SaaSLLMError } from "../../core/SaaSLLMError";

/** The job a stream ran in: a job id we were given, or a single-shot job known by its correlation id. */
export interface StreamJobTarget {
  jobId: string | null;
  clientRequestId: string | null;
  singleShot: boolean;
  /** The server answered the stream request (headers arrived). */
  opened: boolean;
}

/** A request cut off before its answer may still reach the server and create its job a moment later. */
const LATE_SWEEP_MS = 1500;

/** Runs `fn` after LATE_SWEEP_MS without keeping a Node process alive for it (browsers have no unref). */
function later(fn: () => void): void {
  const timer = setTimeout(fn, LATE_SWEEP_MS) as unknown as { unref?: () => void };
  timer.unref?.();
}

/** Completes as failed the job a stream left open (error, cut, unmount). Never throws. */
export async function failStreamJob(client: SaaSLLMClient, target: StreamJobTarget, error: SaaSLLMError | null): Promise<void> {
  const message = error ? `${error.kind}: ${error.message}`.slice(0, 900) : "Stream abandoned by the client";
  if (!target.singleShot && target.jobId) await client.completeJob(target.jobId, { status: "failed", error_message: message }).catch(() => undefined);
  else {
    await closeOrphanJob(client, target, message);
    if (!target.opened) later(() => void closeOrphanJob(client, target, message));
  }
}

/**
 * The upstream leaves a single-shot job IN_PROGRESS forever when the client goes away mid-stream, and never
 * tells us its id; a retried single-shot stream leaves one such job per failed attempt. We find them by the
 * correlation id in their metadata and complete them as failed, but only while open: a job the server already
 * completed (and charged) is left alone. `beforeAttempt` spares the attempt that produced the answer.
 */
export async function closeOrphanJob(client: SaaSLLMClient, target: { jobId: string | null; clientRequestId: string | null }, message: string, beforeAttempt?: number): Promise<void> {
  try {
    const jobs = target.clientRequestId
      ? // Only open jobs: on a busy team the newest page of all jobs may not reach back to ours.
        await client.findJobsByClientRequestId(target.clientRequestId, { retry: false, status: "in_progress", limit: 200 })
      : target.jobId
        ? [await client.getJob(target.jobId, { retry: false })]
        : [];
    const orphans = jobs.filter((job) => (job.status === "pending" || job.status === "in_progress") && (beforeAttempt === undefined || Number(job.metadata?.client_attempt ?? 0) < beforeAttempt));
    await Promise.all(orphans.map((job) => client.completeJob(job.job_id, { status: "failed", error_message: message }, { retry: false }).catch(() => undefined)));
  } catch {
    // Best effort: a failure here must not replace the stream's own outcome.
  }
}

/**
 * After a single-shot answer arrived: attempts retried before the first token each left a job open, and a
 * connection cut right after `[DONE]` stops the upstream before its bookkeeping (api-contract §6.4), so the
 * answered job can stay open too. Close the first kind now and look once more, a little later, for the second.
 */
export function sweepAfterSuccess(client: SaaSLLMClient, clientRequestId: string | null, attempts: number): void {
  const target = { jobId: null, clientRequestId };
  if (attempts > 1) void closeOrphanJob(client, target, "Retried: superseded by a later attempt", attempts);
  later(() => void closeOrphanJob(client, target, "The answer was delivered but the server left its job open"));
}
