import type { CallOptions } from "../callOptions";
import type { JobClosedBy } from "../clientEvents";
import type { CompleteJobOptions } from "../jobEvents";
import type { createJobMethods } from "../jobMethods";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { CompleteJobInput, CompleteJobResult } from "../types";
import { limitReason } from "./closeReason";
import { findCallJobs } from "./findOpenJobs";
import { resultFromJob } from "./resultFromJob";
import { DEFAULT_SETTLE_WINDOW_MS, watchCall } from "./settleCall";

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

/** How one single-shot call is settled (see `settle`). */
export interface SettleOptions {
  /** When the call started (ms since epoch): bounds the lookup to jobs created since. */
  since: number;
  /** Written on jobs closed as failed (cut to one limit, `closeReason.ts`). */
  reason: string;
  /** How long to watch open jobs before closing them (the server may still finish them). @default 0 */
  windowMs?: number;
  beforeAttempt?: number;
  /** @default "reconcile" */
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

  const settling = new Map<string, Promise<CallReconciliation>>();
  /**
   * Watches the jobs of one single-shot call (up to `windowMs`, see `watchCall`), then closes as failed the ones
   * still open and says which were charged. One settle in flight per call: racing cleanups share it.
   */
  function settle(clientRequestId: string, options: SettleOptions): Promise<CallReconciliation> {
    const key = `${clientRequestId}:${options.beforeAttempt ?? ""}`;
    const running = settling.get(key);
    if (running) return running;
    const done = settleOnce(clientRequestId, options).finally(() => settling.delete(key));
    settling.set(key, done);
    return done;
  }

  async function settleOnce(clientRequestId: string, { since, reason, windowMs = 0, beforeAttempt, closedBy = "reconcile" }: SettleOptions): Promise<CallReconciliation> {
    const result: CallReconciliation = { charged: [], notCharged: [], closed: [], unsettled: [] };
    const jobs = await watchCall(() => findCallJobs(methods, clientRequestId, since), windowMs, since);
    await Promise.all(
      jobs.map(async ({ job_id, status, credit_applied, metadata }) => {
        if (status !== "pending" && status !== "in_progress") return void (status === "completed" && credit_applied ? result.charged : result.notCharged).push(job_id);
        // A later attempt's job the server is still completing is left to it.
        if (beforeAttempt !== undefined && Number(metadata?.client_attempt ?? 0) >= beforeAttempt) return;
        try {
          const closed = await close(job_id, { status: "failed", error_message: reason }, { closedBy });
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

  /** Completes as failed the still-open jobs of one single-shot call, now (no watch). Best effort: resolves with how many it closed. */
  function failOpenJobs(clientRequestId: string, reason: string, options: FailOpenJobsOptions = {}): Promise<number> {
    const { since = Date.now(), closedBy = "app", beforeAttempt } = options;
    return settle(clientRequestId, { since, reason, closedBy, beforeAttempt }).then((r) => r.closed.length, () => 0);
  }

  /**
   * Finds every job of one single-shot call (any status), watches open ones for `windowMs`, then closes what is
   * still open as failed, so that its charge is settled. Throws when the lookup fails.
   */
  function reconcile(clientRequestId: string, reason: string, since: number, windowMs = DEFAULT_SETTLE_WINDOW_MS): Promise<CallReconciliation> {
    return settle(clientRequestId, { since, reason, windowMs });
  }

  return { close, settle, failOpenJobs, reconcile };
}

export type JobCloser = ReturnType<typeof createJobCloser>;
