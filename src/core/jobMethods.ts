import { randomId } from "./abortable";
import type { CallOptions } from "./callOptions";
import { llmBody } from "./buildBody";
import type { JobEndpoint } from "./endpoints";
import type { JsonCall } from "./jsonCall";

type JobCall = JsonCall<JobEndpoint>;
import { expectObject, normalizeStatus, parseUtc, toCosts, toJob, withDates } from "./normalize";
import { isSaaSLLMError } from "./SaaSLLMError";
import { chargeOf, type CompleteJobOptions } from "./jobEvents";
import type { TransportConfig } from "./transport";
import type * as T from "./types";


/**
 * The job endpoints the hooks use (E2, E3, E5, E7, E8, E12), normalized to the types in `types.ts`. The
 * account endpoints live in `accountMethods.ts`, so an app that only runs jobs does not ship them.
 */
export function createJobMethods(call: JobCall, config: TransportConfig, teamId: string) {
  return {
    /** E2: create a job. */
    createJob: (input: T.CreateJobInput, opts?: CallOptions) =>
      call<T.CreateJobResult>("createJob", "", "", { team_id: teamId, metadata: {}, ...input }, opts, (j) => {
        const r = expectObject(j, ["job_id"], "createJob");
        return { job_id: String(r.job_id), status: normalizeStatus(r.status), created_at: parseUtc(r.created_at) ?? new Date() };
      }, (r, where) => config.hub.emit({ type: "job-open", ...where, jobId: r.job_id, jobType: input.job_type })),

    /** E8: the job record. */
    getJob: async (jobId: string, opts?: CallOptions) => call("getJob", jobId, "", undefined, opts, (j) => toJob(j, "getJob")),

    /** E3: one call inside a job. */
    llmCall: async (jobId: string, input: T.LLMCallInput, opts?: CallOptions) =>
      call<T.LLMCallResult>("llmCall", jobId, "", llmBody(input, "llmCall"), opts, (j) => {
        const r = expectObject(j, ["response", "metadata"], "llmCall");
        expectObject(r.response, ["content"], "llmCall");
        return r as unknown as T.LLMCallResult;
      }, (r, where) => config.hub.emit({ type: "call-usage", ...where, jobId, tokens: Number(r.metadata.tokens_used) || 0, serverLatencyMs: Number(r.metadata.latency_ms) || 0, model: String(r.metadata.model ?? "") })),

    /** E5: create, call and complete in one request (charged once on success). */
    createAndCall: async (input: T.CreateAndCallInput, opts?: CallOptions) => {
      const { team_id = teamId, job_type = "chat", job_metadata, ...rest } = input;
      const body = { ...llmBody(rest, "createAndCall"), team_id, job_type, job_metadata: { client_request_id: randomId(), ...job_metadata } };
      return call<T.CreateAndCallResult>("createAndCall", "", "", body, opts, (j) => {
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
    completeJob: (jobId: string, input: T.CompleteJobInput, opts: CompleteJobOptions = {}) => completeJob(call, config, jobId, input, opts),

    /** E12: the team's jobs, newest first. */
    listTeamJobs: (query: T.TeamJobsQuery = {}, opts?: CallOptions) =>
      call<T.TeamJobs>("listTeamJobs", teamId, queryString(query), undefined, opts, (j) => {
        const r = expectObject(j, ["jobs"], "listTeamJobs");
        const jobs = Array.isArray(r.jobs) ? r.jobs.map((x) => toJob(x, "listTeamJobs")) : [];
        return { team_id: String(r.team_id ?? teamId), total: Number(r.total ?? jobs.length), jobs };
      }),
  };
}

/** E7, with a `job-close` event for its outcome (a failed close too). */
function completeJob(call: JobCall, config: TransportConfig, jobId: string, input: T.CompleteJobInput, opts: CompleteJobOptions): Promise<T.CompleteJobResult> {
  const { closedBy: by = "app", ...callOpts } = opts;
  const closing = { jobId, status: input.status, by, ...(input.error_message ? { reason: input.error_message } : {}) };
  return call<T.CompleteJobResult>("completeJob", jobId, "", input, { ...callOpts, retry: false }, (j) => {
    const r = withDates<T.CompleteJobResult & { costs: unknown }>(j, ["completed_at"], ["job_id", "status", "costs"], "completeJob");
    return { ...r, costs: toCosts(r.costs, "completeJob"), calls: Array.isArray(r.calls) ? r.calls : [] };
  }, (r, where) => config.hub.emit({ type: "job-close", ...where, ...closing, ok: true, charge: chargeOf(r.costs) })).catch((error: unknown) => {
    const e = isSaaSLLMError(error) ? error : undefined;
    config.hub.emit({ type: "job-close", endpoint: "completeJob", requestId: e?.requestId ?? "", attempt: 1, at: Date.now(), ...closing, ok: false, errorKind: e?.kind });
    throw error;
  });
}

/** E12's query: a status filter is sent uppercase (the server 500s on lowercase). */
function queryString({ limit, offset, status }: T.TeamJobsQuery): string {
  const params = new URLSearchParams();
  if (limit !== undefined) params.set("limit", String(limit));
  if (offset !== undefined) params.set("offset", String(offset));
  if (status) params.set("status", status.toUpperCase());
  return params.size ? `?${params}` : "";
}

export type JobMethods = ReturnType<typeof createJobMethods>;
