import type { CallOptions } from "../callOptions";
import type { JobClosedBy } from "../clientEvents";
import type { CompleteJobOptions } from "../jobEvents";
import type { createJobMethods } from "../jobMethods";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { CompleteJobInput, CompleteJobResult } from "../types";
import { findCallJobs, findOpenJobs } from "./findOpenJobs";
import { resultFromJob } from "./resultFromJob";

type Methods = Pick<ReturnType<typeof createJobMethods>, "completeJob" | "getJob" | "listTeamJobs">;

/** Settled outcomes kept per client; the oldest are forgotten first (a job is rarely closed twice long apart). */
const REMEMBERED = 1000;

/** Which open jobs of one single-shot call to close. */
export interface FailOpenJobsOptions {
  /** Spare this attempt and later ones (a retry's answer the server is still completing). */
  beforeAttempt?: number;
  /** When the call started (ms since epoch): bounds the lookup to jobs created since. @default now */
  since?: number;
  /** Who closes them, for the `job-close` event. @default "app" */
  closedBy?: JobClosedBy;
}

/** What the server did with one single-shot call, job by job (one job per attempt), after open ones were closed. */
export interface CallReconciliation {
  /** Jobs the server completed and charged: their answers were generated, whether or not the client read them. */
  charged: string[];
  /** Jobs that ended failed (by the server, or closed as failed now by the client): not charged. */
  notCharged: string[];
  /** Of those, the ones this lookup found open and closed. */
  closed: string[];
  /** Open jobs the client could not close (their charge is unknown). */
  unsettled: string[];
}

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
  return job.status === "pending" || job.status === "in_progress" ? null : resultFromJob(job);
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
export function createJobCloser(methods: Methods, onShared: (close: SharedClose) => void = () => {}) {
  const outcomes = new Map<string, Promise<CompleteJobResult>>();
  const uncertain = new Set<string>();

  function close(jobId: string, input: CompleteJobInput, opts: CompleteJobOptions = {}): Promise<CompleteJobResult> {
    const known = outcomes.get(jobId);
    if (known) {
      onShared({ jobId, status: input.status, by: opts.closedBy ?? "app", ...(input.error_message ? { reason: input.error_message } : {}) });
      return known;
    }
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

  const lookups = new Map<string, Promise<Awaited<ReturnType<typeof findOpenJobs>>>>();
  /** One lookup in flight per call: racing cleanups of the same call read the same page. */
  function lookup(clientRequestId: string, since: number) {
    const running = lookups.get(clientRequestId);
    if (running) return running;
    const found = findOpenJobs(methods, clientRequestId, since).finally(() => lookups.delete(clientRequestId));
    lookups.set(clientRequestId, found);
    return found;
  }

  /** Completes as failed the still-open jobs of one single-shot call. Best effort: resolves with how many it closed. */
  async function failOpenJobs(clientRequestId: string, reason: string, options: FailOpenJobsOptions = {}): Promise<number> {
    const { beforeAttempt } = options;
    try {
      const open = (await lookup(clientRequestId, options.since ?? Date.now())).filter((job) => beforeAttempt === undefined || Number(job.metadata?.client_attempt ?? 0) < beforeAttempt);
      const closed = await Promise.all(open.map((job) => close(job.job_id, { status: "failed", error_message: reason.slice(0, 1000) }, { closedBy: options.closedBy }).then(() => 1, () => 0)));
      return closed.reduce<number>((a, b) => a + b, 0);
    } catch {
      return 0;
    }
  }

  /**
   * Finds every job of one single-shot call (any status) and closes the open ones as failed, so that its
   * charge is settled: completed jobs were charged, failed and closed ones were not. Throws when the lookup fails.
   */
  async function reconcile(clientRequestId: string, reason: string, since: number): Promise<CallReconciliation> {
    const result: CallReconciliation = { charged: [], notCharged: [], closed: [], unsettled: [] };
    const jobs = await findCallJobs(methods, clientRequestId, since);
    await Promise.all(
      jobs.map(async ({ job_id, status, credit_applied }) => {
        if (status !== "pending" && status !== "in_progress") return void (status === "completed" && credit_applied ? result.charged : result.notCharged).push(job_id);
        try {
          const closed = await close(job_id, { status: "failed", error_message: reason.slice(0, 1000) }, { closedBy: "reconcile" });
          // A close that found the job completed meanwhile answers with the server's record.
          if (closed.status === "completed" && closed.costs.credit_applied) return void result.charged.push(job_id);
          result.notCharged.push(job_id);
          result.closed.push(job_id);
        } catch {
          result.unsettled.push(job_id);
        }
      }),
    );
    return result;
  }

  return { close, failOpenJobs, reconcile };
}

export type JobCloser = ReturnType<typeof createJobCloser>;
