import type { SaaSLLMJobsClient } from "../createJobsClient";
import type { SaaSLLMError } from "../SaaSLLMError";
import { closeReasonOf } from "./closeReason";

/** Completes a job given by id as failed after a call in it failed. Never throws; the client's closer sends it at most once. */
export function failJob(client: Pick<SaaSLLMJobsClient, "completeJob">, jobId: string, error: SaaSLLMError): Promise<unknown> {
  return client.completeJob(jobId, { status: "failed", error_message: closeReasonOf(error) }).catch(() => undefined);
}
