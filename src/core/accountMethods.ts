import type { CallOptions } from "./callOptions";
import type { ClientCore } from "./clientCore";
import { ACCOUNT_ROUTES } from "./endpoints";
import { createJsonCall, type JsonCall } from "./jsonCall";
import { expectObject, parseUtc, withDates } from "./normalize";
import type * as T from "./types";

const enc = encodeURIComponent;

/** The endpoints outside a job's life (E1, E9–E11, E13–E17): health, metadata, costs, usage, credits, team, model groups. */
export function createAccountMethods(call: JsonCall<keyof typeof ACCOUNT_ROUTES>, teamId: string) {
  return {
    /** E1: liveness (no auth needed). */
    health: (opts?: CallOptions) => call<T.Health>("health", "", "", undefined, opts, (j) => expectObject(j, ["status"], "health") as unknown as T.Health),

    /** E9: shallow-merge metadata. */
    updateJobMetadata: async (jobId: string, metadata: T.JsonObject, opts?: CallOptions) =>
      call<T.UpdateMetadataResult>("updateJobMetadata", jobId, "", { metadata }, opts, (j) => withDates(j, ["updated_at"], ["job_id", "metadata"], "updateJobMetadata")),

    /** E10: per-call cost breakdown (provider cost, no markup). */
    getJobCosts: async (jobId: string, opts?: CallOptions) =>
      call<T.JobCostsDetail>("getJobCosts", jobId, "", undefined, opts, (j) => {
        const r = withDates<T.JobCostsDetail>(j, [], ["job_id", "costs"], "getJobCosts");
        const breakdown = Array.isArray(r.costs?.breakdown) ? r.costs.breakdown.map((b) => ({ ...b, created_at: parseUtc(b.created_at) ?? new Date(0) })) : [];
        return { ...r, costs: { total_cost_usd: Number(r.costs?.total_cost_usd ?? 0), breakdown } };
      }),

    /** E11: usage for a period (`YYYY-MM`, `YYYY`, or `""` for all time). */
    getTeamUsage: (period: string, opts?: CallOptions) =>
      call<T.TeamUsage>("getTeamUsage", teamId, `?period=${enc(period)}`, undefined, opts, (j) => expectObject(j, ["summary"], "getTeamUsage") as unknown as T.TeamUsage),

    /** E13: the credit account. */
    getCreditBalance: (opts?: CallOptions) =>
      call<T.CreditBalance>("getCreditBalance", teamId, "", undefined, opts, (j) =>
        withDates(j, ["last_refill_at", "created_at", "updated_at"], ["credits_remaining"], "getCreditBalance"),
      ),

    /** E14: the credit ledger, newest first. */
    getCreditTransactions: ({ limit }: { limit?: number } = {}, opts?: CallOptions) =>
      call<T.CreditTransactions>("getCreditTransactions", teamId, limit ? `?limit=${limit}` : "", undefined, opts, (j) => {
        const r = expectObject(j, ["transactions"], "getCreditTransactions");
        const transactions = Array.isArray(r.transactions) ? r.transactions.map((t) => withDates<T.CreditTransaction>(t, ["created_at"], ["transaction_id"], "getCreditTransactions")) : [];
        return { team_id: String(r.team_id ?? teamId), total: Number(r.total ?? transactions.length), transactions };
      }),

    /** E15: the only way to learn "out of credits" before a call on the upstream server. */
    checkCredits: (creditsNeeded = 1, opts?: CallOptions) =>
      call<T.CreditCheck>("checkCredits", teamId, `?credits_needed=${creditsNeeded}`, undefined, opts, (j) => expectObject(j, ["has_credits"], "checkCredits") as unknown as T.CreditCheck),

    /**
     * E16: the team's status (`credits.status`), its credit account and the model aliases it may use. The
     * server sends the virtual key too and needs no auth: call it from a backend, never from a browser.
     */
    getTeamInfo: (opts?: CallOptions) =>
      call<T.TeamInfo>("getTeamInfo", teamId, "", undefined, opts, (j) => {
        const { virtual_key: _key, credits, ...r } = expectObject(j, ["team_id", "credits"], "getTeamInfo");
        const account = withDates<T.CreditBalance>(credits, ["last_refill_at", "created_at", "updated_at"], ["credits_remaining"], "getTeamInfo");
        return { ...(r as unknown as Omit<T.TeamInfo, "credits">), credits: account };
      }),

    /** E17: resolves a legacy model group for the team (an alias name is a `not_found`). */
    resolveModelGroup: (groupName: string, opts?: CallOptions) =>
      call<T.ModelGroupResolution>("resolveModelGroup", groupName, `?team_id=${enc(teamId)}`, undefined, opts, (j) =>
        expectObject(j, ["group_name", "team_has_access"], "resolveModelGroup") as unknown as T.ModelGroupResolution,
      ),
  };
}

export type AccountMethods = ReturnType<typeof createAccountMethods>;

/** The account endpoints as a method module for `composeSaaSLLMClient`. */
export const accountMethods = (core: ClientCore): AccountMethods => createAccountMethods(createJsonCall(core.config, ACCOUNT_ROUTES), core.teamId);
