import type { JobClosedBy } from "../clientEvents";
import type { createJobMethods } from "../jobMethods";
import type { CompleteJobInput, CompleteJobResult } from "../types";
import type { CompleteJobOptions } from "../jobEvents";
import { findCallJobs } from "./findCallJobs";
import { isOpenJob, settleWindowOf, watchCall } from "./settleCall";

type Methods = Pick<ReturnType<typeof createJobMethods>, "listTeamJobs">;
type Close = (jobId: string, input: CompleteJobInput, opts?: CompleteJobOptions) => Promise<CompleteJobResult>;

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
  /** How long to watch open jobs before closing them. @default the client's `settleWindowMs`, else by `endedBy` (`settleWindowOf`) */
  windowMs?: number;
  /** What ended the call (an error, or nothing for an answer whose body was cut after its end). */
  endedBy?: unknown;
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

/**
 * Settles single-shot calls (E5/E6, one job per attempt, found by `client_request_id`): watches their jobs while
 * the server may still finish them, then closes what is still open through the client's one `close`, and says
 * what was charged.
 */
export function createCallSettler(methods: Methods, close: Close, fixedWindowMs?: number) {
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

  async function settleOnce(clientRequestId: string, { since, reason, windowMs, endedBy, beforeAttempt, closedBy = "reconcile" }: SettleOptions): Promise<CallReconciliation> {
    const result: CallReconciliation = { charged: [], notCharged: [], closed: [], unsettled: [] };
    const watch = windowMs ?? fixedWindowMs ?? settleWindowOf(endedBy);
    const jobs = await watchCall(() => findCallJobs(methods, clientRequestId, since), watch, since);
    await Promise.all(
      jobs.map(async (job) => {
        const { job_id, status, credit_applied, metadata } = job;
        if (!isOpenJob(job)) return void (status === "completed" && credit_applied ? result.charged : result.notCharged).push(job_id);
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
    return settle(clientRequestId, { since, reason, closedBy, beforeAttempt, windowMs: 0 }).then((r) => r.closed.length, () => 0);
  }

  return { settle, failOpenJobs };
}
