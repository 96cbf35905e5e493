/** Credits and job costs (§3.4, §7.2): how much a job costs and when it is charged. */
import { COST_MARKUP_PERCENTAGE, CREDITS_PER_DOLLAR, TOKENS_PER_CREDIT } from "./constants";
import { recordTransaction, remaining, type SimState, type SimTeam } from "./state";
import type { JobCosts } from "../core/types";
import type { SimJob, SimLedger } from "./types";

/** The JobCosts wire object: the client's `JobCosts` type is exactly this shape (§3.4). */
export type JobCostsWire = JobCosts;

const round = (n: number, dp: number): number => Math.round(n * 10 ** dp) / 10 ** dp;

/** Client cost of a job: provider cost plus markup, 6 dp. */
export function jobCostUsd(job: SimJob): number {
  const provider = job.calls.reduce((sum, c) => sum + c.costUsd, 0);
  return round(provider * (1 + COST_MARKUP_PERCENTAGE / 100), 6);
}

export const jobTokens = (job: SimJob): number =>
  job.calls.reduce((sum, c) => sum + c.promptTokens + c.completionTokens, 0);

/** Credits one completion costs in the team's budget mode; never less than 1. */
export function creditsFor(team: SimTeam, job: SimJob): number {
  if (team.budgetMode === "consumption_usd") return Math.max(1, Math.floor(jobCostUsd(job) * CREDITS_PER_DOLLAR));
  if (team.budgetMode === "consumption_tokens") return Math.max(1, Math.floor(jobTokens(job) / TOKENS_PER_CREDIT));
  return 1;
}

/**
 * Completes a job as "completed" and decides the charge. Upstream flips: a job already charged is not
 * charged again and reports `credit_applied: false`, the next completion charges again (§7.2). The
 * documented preset charges a job at most once and keeps `credit_applied: true` afterwards.
 */
export function chargeCompletion(state: SimState, team: SimTeam, job: SimJob): void {
  if (state.preset === "documented" && chargedFor(state, job.jobId) > 0) {
    job.creditApplied = true;
    return;
  }
  if (state.preset === "upstream" && job.creditApplied) {
    job.creditApplied = false;
    return;
  }
  const amount = creditsFor(team, job);
  const before = remaining(team);
  // No partial charge and no negative balance: short of credits means silently not applied.
  if (before < amount) {
    job.creditApplied = false;
    return;
  }
  team.used += amount;
  team.updatedAt = Date.now();
  recordTransaction(state, team, job.jobId, "deduction", amount, before, chargeReason(state, team, job, amount));
  job.creditApplied = true;
}

const KIND: Record<SimJob["createdBy"], string> = { createJob: "Job", createAndCall: "Single-call job", streamCreateAndCall: "Streaming single-call job" };

/** The ledger reason: upstream names the job type and the mode (upstream-behaviour §6), the docs the job id. */
function chargeReason(state: SimState, team: SimTeam, job: SimJob, amount: number): string {
  if (state.preset === "documented") return `Job ${job.jobId} completed`;
  return `${KIND[job.createdBy]} ${job.jobType} completed (${team.budgetMode} mode: ${amount} credits)`;
}

/** The JobCosts object for a job, after any charge. */
export function jobCosts(job: SimJob, team: SimTeam): JobCostsWire {
  const failed = job.calls.filter((c) => c.error !== null).length;
  const timed = job.calls.flatMap((c) => (c.latencyMs === null ? [] : [c.latencyMs]));
  return {
    total_calls: job.calls.length,
    successful_calls: job.calls.length - failed,
    failed_calls: failed,
    total_tokens: jobTokens(job),
    total_cost_usd: jobCostUsd(job),
    avg_latency_ms: timed.length ? Math.round(timed.reduce((s, ms) => s + ms, 0) / timed.length) : 0,
    credit_applied: job.creditApplied,
    credits_remaining: remaining(team),
  };
}

/** Credits deducted for one job, or in total. */
export function chargedFor(state: SimState, jobId?: string): number {
  return state.transactions
    .filter((t) => t.type === "deduction" && (jobId === undefined || t.jobId === jobId))
    .reduce((sum, t) => sum + t.amount, 0);
}

/** The read-only ledger view handed to tests; `getState` follows `reset()`. */
export function createLedgerView(getState: () => SimState): SimLedger {
  return {
    jobs: () => [...getState().jobs],
    job: (id) => getState().jobs.find((job) => job.jobId === id),
    charges: (jobId) => chargedFor(getState(), jobId),
    openJobs: () => getState().jobs.filter((job) => job.status === "PENDING" || job.status === "IN_PROGRESS"),
  };
}
