import { sleep } from "../abortable";
import type { Job } from "../types";

/**
 * How long the client watches a single-shot call whose end it did not see before it closes what is still open.
 * The upstream as shipped finishes an aborted generation and then completes and charges its job, overwriting
 * any close sent meanwhile (upstream-behaviour §5); a newer server leaves it open for good. Watching first
 * means the client closes only what the server will not close itself, and reports the charge the server made.
 */
export const DEFAULT_SETTLE_WINDOW_MS = 30_000;
/**
 * The watch after a cut that came after text: the real server buffers whole answers (upstream-behaviour §1), so
 * text means the generation was over and the server completes the job as it finishes writing.
 */
export const AFTER_TEXT_SETTLE_WINDOW_MS = 2_000;

/**
 * How long to watch a call that ended this way before closing what is still open: short after a cut that came
 * after text, long after a stop (a live server is still generating) or a failure before any text.
 */
export function settleWindowOf(error: unknown): number {
  // No error: the whole answer arrived, only the end of the body did not.
  if (error === undefined) return AFTER_TEXT_SETTLE_WINDOW_MS;
  const { kind, partialText } = (error ?? {}) as { kind?: string; partialText?: string };
  return kind !== "aborted" && partialText ? AFTER_TEXT_SETTLE_WINDOW_MS : DEFAULT_SETTLE_WINDOW_MS;
}
/** First wait between lookups; it doubles up to {@link MAX_LOOKUP_GAP_MS}. */
const FIRST_LOOKUP_GAP_MS = 250;
const MAX_LOOKUP_GAP_MS = 8000;
/** A request cut off before its answer may still reach the server and create its job a moment later. */
export const LATE_JOB_MS = 1500;

/** A job the server may still complete (and charge), or the client may still close. */
export const isOpenJob = (job: Pick<Job, "status">): boolean => job.status === "pending" || job.status === "in_progress";

/**
 * Looks the call's jobs up until none is open or `windowMs` passed (lookups 250 ms, 500 ms, 1 s … 8 s apart),
 * and resolves with the last lookup. While no job was found, it stops once the call is {@link LATE_JOB_MS} old
 * (`since`): its request never reached the server. `windowMs: 0` is one lookup.
 */
export async function watchCall(lookup: () => Promise<Job[]>, windowMs: number, since: number): Promise<Job[]> {
  const started = Date.now();
  for (let gap = FIRST_LOOKUP_GAP_MS; ; gap = Math.min(gap * 2, MAX_LOOKUP_GAP_MS)) {
    const jobs = await lookup();
    const elapsed = Date.now() - started;
    const deadline = jobs.length === 0 ? Math.min(windowMs, since + LATE_JOB_MS - started) : windowMs;
    if ((jobs.length > 0 && !jobs.some(isOpenJob)) || elapsed >= deadline) return jobs;
    await sleep(Math.min(gap, deadline - elapsed));
  }
}
