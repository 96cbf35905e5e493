import type { JobCharge, JobClosedBy } from "./clientEvents";
import type { CallOptions } from "./callOptions";
import type { JobCosts } from "./types";

/** Options of `completeJob`: the call options plus who is closing the job, for the `job-close` event. */
export interface CompleteJobOptions extends CallOptions {
  /** Who closes the job (shown by observers such as the devtools). @default "app" */
  closedBy?: JobClosedBy;
}

/** The charge part of the server's `costs`, as events carry it. */
export function chargeOf(costs: JobCosts): JobCharge {
  return { creditApplied: costs.credit_applied, creditsRemaining: costs.credits_remaining, costUsd: costs.total_cost_usd, tokens: costs.total_tokens, calls: costs.total_calls };
}
