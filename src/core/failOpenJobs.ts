import type { JobCloser } from "./clientEvents";
import type { createJsonMethods } from "./jsonMethods";

type Methods = Pick<ReturnType<typeof createJsonMethods>, "listTeamJobs" | "completeJob">;

/**
 * Completes as failed the still-open jobs of one single-shot call, found by the `client_request_id` in their
 * metadata (the upstream never returns their ids). Jobs the server completed, and charged, are left alone;
 * `beforeAttempt` spares that attempt and later ones. Best effort: resolves with how many it closed.
 */
export async function failOpenJobs(methods: Methods, clientRequestId: string, reason: string, beforeAttempt?: number, closedBy: JobCloser = "app"): Promise<number> {
  try {
    // Only open jobs: on a busy team the newest page of all jobs may not reach back to ours.
    const { jobs } = await methods.listTeamJobs({ status: "in_progress", limit: 200 }, { retry: false });
    const open = jobs.filter(
      (job) =>
        job.metadata?.client_request_id === clientRequestId &&
        (job.status === "pending" || job.status === "in_progress") &&
        (beforeAttempt === undefined || Number(job.metadata?.client_attempt ?? 0) < beforeAttempt),
    );
    const closed = await Promise.all(open.map((job) => methods.completeJob(job.job_id, { status: "failed", error_message: reason }, { retry: false, closedBy }).then(() => 1, () => 0)));
    return closed.reduce<number>((a, b) => a + b, 0);
  } catch {
    return 0;
  }
}
