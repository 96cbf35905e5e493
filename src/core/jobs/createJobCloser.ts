import type { CallOptions } from "../callOptions";
import type { JobClosedBy } from "../clientEvents";
import type { CompleteJobOptions } from "../jobEvents";
import type { createJobMethods } from "../jobMethods";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { CompleteJobInput, CompleteJobResult } from "../types";
import { limitReason } from "./closeReason";
import { createCallSettler } from "./createCallSettler";
import { resultFromJob } from "./resultFromJob";
import { isOpenJob } from "./settleCall";

export type { CallReconciliation, FailOpenJobsOptions, SettleOptions } from "./createCallSettler";

type Methods = Pick<ReturnType<typeof createJobMethods>, "completeJob" | "getJob" | "listTeamJobs">;

/** Settled outcomes kept per client; the oldest are forgotten first (a job is rarely closed twice long apart). */
const REMEMBERED = 1000;

/** A close that was answered from an earlier close of the same job (for the `job-close-shared` event). */
export interface SharedClose {
  jobId: string;
  status: CompleteJobInput["status"];
  by: JobClosedBy;
  reason?: string;
}

/** The job's outcome when it is already closed; null while it is still open. */
async function readClosed(methods: Methods, jobId: string, opts: CallOptions): Promise<CompleteJobResult | null> {
  const job = await methods.getJob(jobId, { signal: opts.signal });
  return isOpenJob(job) ? null : resultFromJob(job);
}

/** One close: read first when an earlier attempt may have landed; after a retryable failure, read, then send again only if still open. */
async function closeOnce(methods: Methods, uncertain: boolean, jobId: string, input: CompleteJobInput, opts: CompleteJobOptions): Promise<CompleteJobResult> {
  const settled = uncertain ? await readClosed(methods, jobId, opts) : null;
  if (settled) return settled;
  const once = () => methods.completeJob(jobId, input, { ...opts, retry: false });
  try {
    return await once();
  } catch (error) {
    if (opts.retry === false || !isSaaSLLMError(error) || !error.retryable) throw error;
    const closed = await readClosed(methods, jobId, opts).catch(() => Promise.reject(error));
    return closed ?? once();
  }
}

/**
 * The one place a client closes jobs. Closes of the same job share one in-flight request and its settled
 * outcome, so whatever paths race (a retry's cleanup, a stop, an unmount, `complete()`), complete is sent
 * at most once per job and client: the upstream flips the charge on a repeated complete. When a complete
 * failed and may have landed, the job is read before it is sent again.
 */
export function createJobCloser(methods: Methods, onShared: (close: SharedClose) => void = () => {}, settleWindowMs?: number) {
  const outcomes = new Map<string, Promise<CompleteJobResult>>();
  const uncertain = new Set<string>();

  function close(jobId: string, input: CompleteJobInput, opts: CompleteJobOptions = {}): Promise<CompleteJobResult> {
    const known = outcomes.get(jobId);
    if (known) {
      onShared({ jobId, status: input.status, by: opts.closedBy ?? "app", ...(input.error_message ? { reason: input.error_message } : {}) });
      return known;
    }
    if (input.error_message !== undefined) input = { ...input, error_message: limitReason(input.error_message) };
    const outcome = closeOnce(methods, uncertain.has(jobId), jobId, input, opts).then(
      (result) => (uncertain.delete(jobId), result),
      (error: unknown) => {
        // Not settled: a later close may try again, reading the job first.
        outcomes.delete(jobId);
        uncertain.add(jobId);
        throw error;
      },
    );
    outcomes.set(jobId, outcome);
    if (outcomes.size > REMEMBERED) outcomes.delete(outcomes.keys().next().value as string);
    return outcome;
  }

  return { close, ...createCallSettler(methods, close, settleWindowMs) };
}

export type JobCloser = ReturnType<typeof createJobCloser>;
