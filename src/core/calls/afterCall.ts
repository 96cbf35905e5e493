import type { SaaSLLMJobsClient } from "../createJobsClient";
import { failJob } from "../jobs/failJob";
import { isJobHandle, type JobRef } from "../jobs/jobHandle";
import type { SaaSLLMError } from "../SaaSLLMError";

/**
 * What the end of a call in a job means for the job, the same for plain calls and chat answers: a `useJob`
 * handle hears of it (and closes the job when its owner does); a job given by id is completed as failed after
 * a failure, unless `autoFailJob: false`. A stop is the app's own doing and changes nothing.
 */
export function afterCall(client: Pick<SaaSLLMJobsClient, "completeJob">, job: JobRef | undefined, error: SaaSLLMError | null, autoFailJob?: boolean): Promise<unknown> | undefined {
  if (error?.kind === "aborted") return;
  if (isJobHandle(job)) return void (error ? job.reportCallError(error) : job.reportCallSuccess());
  if (job && error && autoFailJob !== false) return failJob(client, job, error);
}
