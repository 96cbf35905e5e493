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
 * tells us its id. We find it by the correlation id we put in its metadata and complete it as failed, but only
 * while it is still open: a job the server already completed (and charged) is left alone.
 */
export async function closeOrphanJob(client: SaaSLLMClient, target: { jobId: string | null; clientRequestId: string | null }, message: string): Promise<void> {
  try {
    const job = target.jobId ? await client.getJob(target.jobId, { retry: false }) : target.clientRequestId ? await client.findJobByClientRequestId(target.clientRequestId, { retry: false }) : null;
    if (job && (job.status === "pending" || job.status === "in_progress")) {
      await client.completeJob(job.job_id, { status: "failed", error_message: message }, { retry: false });
    }
  } catch {
    // Best effort: a failure here must not replace the stream's own outcome.
  }
}
