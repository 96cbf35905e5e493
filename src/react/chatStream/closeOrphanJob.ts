import type { SaaSLLMClient } from "../../core/createSaaSLLMClient";

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
