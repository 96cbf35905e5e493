import type { SaaSLLMJobsClient } from "../createJobsClient";
import { closeReasonOf } from "../jobs/closeReason";
import { isSaaSLLMError, SaaSLLMError } from "../SaaSLLMError";
import type { UnfinishedReason } from "../chat/unfinishedReason";

/**
 * What the server did with an answer the client did not see end (single-shot answers: one job, one charge).
 * `checking`: the job is being looked up. `charged`: the server finished the answer and charged it; its text
 * was lost. `not_charged`: the job failed, was still open and is now closed as failed, or was never created.
 * `unknown`: the lookup failed, so a re-send may be a second charge.
 */
export type AnswerOutcome =
  | { status: "checking" }
  | { status: "charged"; jobId: string }
  | { status: "not_charged"; jobId: string | null; closedByClient: boolean }
  | { status: "unknown"; error: SaaSLLMError };

/**
 * Unfinished single-shot answers the server may still finish (and charge) without the client seeing it. A stop
 * is one: the upstream as shipped runs an aborted generation to its end and charges it (upstream-behaviour §5).
 */
export const fateUnknown = (reason: UnfinishedReason | null): boolean => reason === "network" || reason === "stalled" || reason === "unknown_outcome" || reason === "stopped";

/** A re-send after this outcome may charge the user a second time: it needs their explicit consent. */
export const needsChargeConsent = (outcome: AnswerOutcome | null): boolean => outcome?.status === "charged" || outcome?.status === "unknown";

/** Looks the call's jobs up (closing open ones) and says what it cost. Never throws. */
export async function reconcileAnswer(client: Pick<SaaSLLMJobsClient, "reconcileCall">, clientRequestId: string, since: number, endedBy?: unknown): Promise<AnswerOutcome> {
  try {
    // The same close reason whichever closes first: this check or the stream's own cleanup (one settle, shared).
    const reason = isSaaSLLMError(endedBy) ? closeReasonOf(endedBy) : undefined;
    const { charged, notCharged, closed, unsettled } = await client.reconcileCall(clientRequestId, { since, endedBy, reason });
    if (charged[0]) return { status: "charged", jobId: charged[0] };
    if (unsettled.length) return { status: "unknown", error: new SaaSLLMError({ kind: "server", message: "The answer's job could not be closed; its charge is unknown" }) };
    const jobId = closed[0] ?? notCharged[0] ?? null;
    return { status: "not_charged", jobId, closedByClient: closed.length > 0 };
  } catch (error) {
    return { status: "unknown", error: isSaaSLLMError(error) ? error : new SaaSLLMError({ kind: "network", message: "The answer's job could not be looked up", cause: error }) };
  }
}
