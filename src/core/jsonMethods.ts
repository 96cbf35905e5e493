import { randomId } from "./abortable";
import type { CallOptions } from "./callOptions";
import { llmBody } from "./buildBody";
import type { EndpointName } from "./endpoints";
import { badResponseError } from "./errorFactories";
import { jobPath } from "./jobId";
import { expectObject, normalizeStatus, parseUtc, toCosts, toJob, withDates } from "./normalize";
import { isSaaSLLMError } from "./SaaSLLMError";
import { chargeOf, type CompleteJobOptions } from "./jobEvents";
import { send, type TransportConfig } from "./transport";
import type * as T from "./types";


const enc = encodeURIComponent;

/** The JSON (non-streaming) endpoints E1–E3, E5, E7–E17, normalized to the types in `types.ts`. */
export function createJsonMethods(config: TransportConfig, teamId: string) {
  type Where = { endpoint: EndpointName; requestId: string; attempt: number; at: number };
  const call = <R>(endpoint: EndpointName, method: "GET" | "POST" | "PATCH", path: string, body: unknown, opts: CallOptions, parse: (json: unknown) => R, observe?: (result: R, where: Where) => void) =>
    send(config, { endpoint, method, path, body, ...opts }, async (res, ctx) => {
      let json: unknown;
      try {
        json = await res.json();
      } catch (cause) {
        throw badResponseError("body is not JSON", { endpoint, status: res.status }).with({ cause });
      }
      const result = parse(json);
      const costs = (result as { costs?: T.JobCosts }).costs;
      if (costs && typeof costs.credit_applied === "boolean" && "credits_remaining" in costs) {
        config.hub.emit({ type: "credits", endpoint, requestId: ctx.requestId, attempt: ctx.attempt, at: Date.now(), creditApplied: costs.credit_applied, creditsRemaining: costs.credits_remaining });
      }
      observe?.(result, { endpoint, requestId: ctx.requestId, attempt: ctx.attempt, at: Date.now() });
      return result;
    });

  const methods = {
    /** E1: liveness (no auth needed). */
    health: (opts: CallOptions = {}) => call<T.Health>("health", "GET", "/health", undefined, opts, (j) => expectObject(j, ["status"], "health") as unknown as T.Health),

    /** E2: create a job. */
    createJob: (input: T.CreateJobInput, opts: CallOptions = {}) =>
      call<T.CreateJobResult>("createJob", "POST", "/api/jobs/create", { team_id: teamId, metadata: {}, ...input }, opts, (j) => {
        const r = expectObject(j, ["job_id"], "createJob");
        return { job_id: String(r.job_id), status: normalizeStatus(r.status), created_at: parseUtc(r.created_at) ?? new Date() };
      }, (r, where) => config.hub.emit({ type: "job-open", ...where, jobId: r.job_id, jobType: input.job_type })),

    /** E8: the job record. */
    getJob: async (jobId: string, opts: CallOptions = {}) => call("getJob", "GET", jobPath(jobId, "", "getJob"), undefined, opts, (j) => toJob(j, "getJob")),

    /** E3: one call inside a job. */
    llmCall: async (jobId: string, input: T.LLMCallInput, opts: CallOptions = {}) =>
      call<T.LLMCallResult>("llmCall", "POST", jobPath(jobId, "/llm-call", "llmCall"), llmBody(input, "llmCall"), opts, (j) => {
        const r = expectObject(j, ["response", "metadata"], "llmCall");
        expectObject(r.response, ["content"], "llmCall");
        return r as unknown as T.LLMCallResult;
      }, (r, where) => config.hub.emit({ type: "call-usage", ...where, jobId, tokens: Number(r.metadata.tokens_used) || 0, serverLatencyMs: Number(r.metadata.latency_ms) || 0, model: String(r.metadata.model ?? "") })),

    /** E5: create, call and complete in one request (charged once on success). */
    createAndCall: async (input: T.CreateAndCallInput, opts: CallOptions = {}) => {
      const { team_id = teamId, job_type = "chat", job_metadata, ...rest } = input;
      const body = { ...llmBody(rest, "createAndCall"), team_id, job_type, job_metadata: { client_request_id: randomId(), ...job_metadata } };
      return call<T.CreateAndCallResult>("createAndCall", "POST", "/api/jobs/create-and-call", body, opts, (j) => {
        const r = withDates<T.CreateAndCallResult & { costs: unknown }>(j, ["completed_at"], ["job_id", "response", "costs"], "createAndCall");
        return { ...r, costs: toCosts(r.costs, "createAndCall") };
      }, (r, where) => {
        // E5 opens and closes its job in one request: the server is the one that closed it.
        config.hub.emit({ type: "job-open", ...where, jobId: r.job_id, jobType: job_type });
        config.hub.emit({ type: "job-close", ...where, jobId: r.job_id, status: r.status === "failed" ? "failed" : "completed", by: "server", ok: true, charge: chargeOf(r.costs) });
      });
    },

    /**
     * E7: finish a job: one request, never retried here. The client's job closer owns closing (once per job,
     * reading the job before any re-send), because the upstream flips the charge on a repeated complete.
     */
    completeJob: async (jobId: string, input: T.CompleteJobInput, opts: CompleteJobOptions = {}): Promise<T.CompleteJobResult> => {
      const path = jobPath(jobId, "/complete", "completeJob");
      const { closedBy: by = "app", ...callOpts } = opts;
      const closing = { jobId, status: input.status, by, ...(input.error_message ? { reason: input.error_message } : {}) };
      const send1 = () =>
        call<T.CompleteJobResult>("completeJob", "POST", path, input, { ...callOpts, retry: false }, (j) => {
          const r = withDates<T.CompleteJobResult & { costs: unknown }>(j, ["completed_at"], ["job_id", "status", "costs"], "completeJob");
          return { ...r, costs: toCosts(r.costs, "completeJob"), calls: Array.isArray(r.calls) ? r.calls : [] };
        }, (r, where) => config.hub.emit({ type: "job-close", ...where, ...closing, ok: true, charge: chargeOf(r.costs) })).catch((error: unknown) => {
          const e = isSaaSLLMError(error) ? error : undefined;
          config.hub.emit({ type: "job-close", endpoint: "completeJob", requestId: e?.requestId ?? "", attempt: 1, at: Date.now(), ...closing, ok: false, errorKind: e?.kind });
          throw error;
        });
      return send1();
    },

    /** E9: shallow-merge metadata. */
    updateJobMetadata: async (jobId: string, metadata: T.JsonObject, opts: CallOptions = {}) =>
      call<T.UpdateMetadataResult>("updateJobMetadata", "PATCH", jobPath(jobId, "/metadata", "updateJobMetadata"), { metadata }, opts, (j) => withDates(j, ["updated_at"], ["job_id", "metadata"], "updateJobMetadata")),

    /** E10: per-call cost breakdown (provider cost, no markup). */
    getJobCosts: async (jobId: string, opts: CallOptions = {}) =>
      call<T.JobCostsDetail>("getJobCosts", "GET", jobPath(jobId, "/costs", "getJobCosts"), undefined, opts, (j) => {
        const r = withDates<T.JobCostsDetail>(j, [], ["job_id", "costs"], "getJobCosts");
        const breakdown = Array.isArray(r.costs?.breakdown) ? r.costs.breakdown.map((b) => ({ ...b, created_at: parseUtc(b.created_at) ?? new Date(0) })) : [];
        return { ...r, costs: { total_cost_usd: Number(r.costs?.total_cost_usd ?? 0), breakdown } };
      }),

    /** E11: usage for a period (`YYYY-MM`, `YYYY`, or `""` for all time). */
    getTeamUsage: (period: string, opts: CallOptions = {}) =>
      call<T.TeamUsage>("getTeamUsage", "GET", `/api/teams/${enc(teamId)}/usage?period=${enc(period)}`, undefined, opts, (j) => expectObject(j, ["summary"], "getTeamUsage") as unknown as T.TeamUsage),

    /** E12: the team's jobs, newest first. A status filter is sent uppercase (the server 500s on lowercase). */
    listTeamJobs: (query: T.TeamJobsQuery = {}, opts: CallOptions = {}) => {
      const params = new URLSearchParams();
      if (query.limit !== undefined) params.set("limit", String(query.limit));
      if (query.offset !== undefined) params.set("offset", String(query.offset));
      if (query.status) params.set("status", query.status.toUpperCase());
      const qs = params.size ? `?${params}` : "";
      return call<T.TeamJobs>("listTeamJobs", "GET", `/api/teams/${enc(teamId)}/jobs${qs}`, undefined, opts, (j) => {
        const r = expectObject(j, ["jobs"], "listTeamJobs");
        const jobs = Array.isArray(r.jobs) ? r.jobs.map((x) => toJob(x, "listTeamJobs")) : [];
        return { team_id: String(r.team_id ?? teamId), total: Number(r.total ?? jobs.length), jobs };
      });
    },

    /** E13: the credit account. */
    getCreditBalance: (opts: CallOptions = {}) =>
      call<T.CreditBalance>("getCreditBalance", "GET", `/api/credits/teams/${enc(teamId)}/balance`, undefined, opts, (j) =>
        withDates(j, ["last_refill_at", "created_at", "updated_at"], ["credits_remaining"], "getCreditBalance"),
      ),

    /** E14: the credit ledger, newest first. */
    getCreditTransactions: ({ limit }: { limit?: number } = {}, opts: CallOptions = {}) =>
      call<T.CreditTransactions>("getCreditTransactions", "GET", `/api/credits/teams/${enc(teamId)}/transactions${limit ? `?limit=${limit}` : ""}`, undefined, opts, (j) => {
        const r = expectObject(j, ["transactions"], "getCreditTransactions");
        const transactions = Array.isArray(r.transactions) ? r.transactions.map((t) => withDates<T.CreditTransaction>(t, ["created_at"], ["transaction_id"], "getCreditTransactions")) : [];
        return { team_id: String(r.team_id ?? teamId), total: Number(r.total ?? transactions.length), transactions };
      }),

    /** E15: the only way to learn "out of credits" before a call on the upstream server. */
    checkCredits: (creditsNeeded = 1, opts: CallOptions = {}) =>
      call<T.CreditCheck>("checkCredits", "POST", `/api/credits/teams/${enc(teamId)}/check?credits_needed=${creditsNeeded}`, undefined, opts, (j) => expectObject(j, ["has_credits"], "checkCredits") as unknown as T.CreditCheck),

    /**
     * E16: the team's status (`credits.status`), its credit account and the model aliases it may use. The
     * server sends the virtual key too and needs no auth: call it from a backend, never from a browser.
     */
    getTeamInfo: (opts: CallOptions = {}) =>
      call<T.TeamInfo>("getTeamInfo", "GET", `/api/teams/${enc(teamId)}`, undefined, opts, (j) => {
        const { virtual_key: _key, credits, ...r } = expectObject(j, ["team_id", "credits"], "getTeamInfo");
        const account = withDates<T.CreditBalance>(credits, ["last_refill_at", "created_at", "updated_at"], ["credits_remaining"], "getTeamInfo");
        return { ...(r as unknown as Omit<T.TeamInfo, "credits">), credits: account };
      }),

    /** E17: resolves a legacy model group for the team (an alias name is a `not_found`). */
    resolveModelGroup: (groupName: string, opts: CallOptions = {}) =>
      call<T.ModelGroupResolution>("resolveModelGroup", "GET", `/api/model-groups/${enc(groupName)}/resolve?team_id=${enc(teamId)}`, undefined, opts, (j) =>
        expectObject(j, ["group_name", "team_has_access"], "resolveModelGroup") as unknown as T.ModelGroupResolution,
      ),
  };
  return methods;
}
