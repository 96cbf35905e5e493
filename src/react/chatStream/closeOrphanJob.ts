import type { SaaSLLMClient } from "../../core/createSaaSLLMClient";
import type { SaaSLLMError } from "../../core/SaaSLLMError";

/** The job a stream ran in: a job id we were given, or a single-shot job known by its correlation id. */
export interface StreamJobTarget {
  jobId: string | null;
  clientRequestId: string | null;
  singleShot: boolean;
}

/** Completes as failed the job a stream left open (error, cut, unmount). Never throws. */
export async function failStreamJob(client: SaaSLLMClient, target: StreamJobTarget, error: SaaSLLMError | null): Promise<void> {
  const message = error ? `${error.kind}: ${error.message}`.slice(0, 900) : "Stream abandoned by the client";
  if (!target.singleShot && target.jobId) await client.completeJob(target.jobId, { status: "failed", error_message: message }).catch(() => undefined);
  else await closeOrphanJob(client, target, message);
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
      ? await client.findJobsByClientRequestId(target.clientRequestId, { retry: false })
      : target.jobId
        ? [await client.getJob(target.jobId, { retry: false })]
        : [];
    const orphans = jobs.filter((job) => (job.status === "pending" || job.status === "in_progress") && (beforeAttempt === undefined || Number(job.metadata?.client_attempt ?? 0) < beforeAttempt));
    await Promise.all(orphans.map((job) => client.completeJob(job.job_id, { status: "failed", error_message: message }, { retry: false }).catch(() => undefined)));
  } catch {
    // Best effort: a failure here must not replace the stream's own outcome.
  }
}
