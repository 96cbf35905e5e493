/** Credit endpoints: E13 balance, E14 transactions, E15 check. */
import { COST_MARKUP_PERCENTAGE, CREDITS_PER_DOLLAR, TOKENS_PER_CREDIT } from "../constants";
import type { Handler } from "../context";
import { detailResponse, jsonResponse } from "../responses";
import { remaining, type SimState, type SimTeam } from "../state";
import { stamp } from "../time";
import { parseQueryInt } from "../validation";

/** E13. `status` is always "active": other statuses never get past auth. */
export const getCreditBalance: Handler = (ctx) => {
  if (ctx.param !== ctx.team.teamId) return detailResponse(403, "Cannot access credit balance for a different team");
  return jsonResponse(200, creditAccountWire(ctx.state, ctx.team));
};

/** The credit account object of E13 and of E16's `credits` (where a suspended or paused status shows). */
export function creditAccountWire(state: SimState, t: SimTeam) {
  const p = state.preset;
  return {
    team_id: t.teamId,
    organization_id: t.organizationId,
    credits_allocated: t.allocated,
    credits_used: t.used,
    credits_remaining: remaining(t),
    credit_limit: null,
    auto_refill: false,
    refill_amount: null,
    refill_period: null,
    last_refill_at: null,
    budget_mode: t.budgetMode,
    credits_per_dollar: CREDITS_PER_DOLLAR,
    tokens_per_credit: TOKENS_PER_CREDIT,
    cost_markup_percentage: COST_MARKUP_PERCENTAGE,
    status: t.status,
    created_at: stamp(p, "b", t.createdAt),
    updated_at: stamp(p, "b", t.updatedAt),
  };
}

/** E14: newest first, `limit` default 50. */
export const getCreditTransactions: Handler = (ctx) => {
  const limit = parseQueryInt(ctx.query.get("limit") ?? "50", ["query", "limit"]);
  if (limit.error.length) return detailResponse(422, limit.error);
  if (ctx.param !== ctx.team.teamId) return detailResponse(403, "Cannot access credit transactions for a different team");
  const rows = ctx.state.transactions
    .filter((tx) => tx.teamId === ctx.team.teamId)
    .reverse()
    .slice(0, Math.max(0, limit.value))
    .map((tx) => ({
      transaction_id: tx.transactionId,
      team_id: tx.teamId,
      organization_id: ctx.team.organizationId,
      job_id: tx.jobId,
      transaction_type: tx.type,
      credits_amount: tx.amount,
      credits_before: tx.before,
      credits_after: tx.after,
      reason: tx.reason,
      created_at: stamp(ctx.state.preset, "b", tx.createdAt),
    }));
  return jsonResponse(200, { team_id: ctx.team.teamId, total: rows.length, transactions: rows });
};

/** E15: always 200; the only upstream way to learn "out of credits" before a call. */
export const checkCredits: Handler = (ctx) => {
  const needed = parseQueryInt(ctx.query.get("credits_needed") ?? "1", ["query", "credits_needed"]);
  if (needed.error.length) return detailResponse(422, needed.error);
  if (ctx.param !== ctx.team.teamId) return detailResponse(403, "Cannot check credits for a different team");
  const t = ctx.team;
  const k = needed.value;
  const r = remaining(t);
  if (r >= k) return jsonResponse(200, { team_id: t.teamId, has_credits: true, credits_remaining: r, credits_needed: k });
  return jsonResponse(200, {
    team_id: t.teamId,
    has_credits: false,
    error: `Insufficient credits. Team has ${r} credits remaining, but ${k} required. Allocated: ${t.allocated}, Used: ${t.used}`,
    credits_needed: k,
  });
};
