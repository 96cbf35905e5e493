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
  if (!target.singleShot) {
    if (target.jobId) await client.completeJob(target.jobId, { status: "failed", error_message: message }).catch(() => undefined);
    return;
  }
  if (!target.clientRequestId) return;
  const id = target.clientRequestId;
  await client.failOpenJobs(id, message);
  if (!target.opened) later(() => void client.failOpenJobs(id, message));
}

/**
 * A connection cut right after `[DONE]` stops the upstream before its bookkeeping (api-contract §6.4), so even
 * an answered single-shot job can stay open: look once more, a little later. (The jobs of attempts the client
 * retried away from are closed by the client itself.)
 */
export function sweepAfterSuccess(client: SaaSLLMClient, clientRequestId: string | null): void {
  if (clientRequestId) later(() => void client.failOpenJobs(clientRequestId, "The answer was delivered but the server left its job open"));
}
