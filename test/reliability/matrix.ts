/** The conformance matrix's rows (every status of the seed and contract §5) and the client call for each endpoint. */
import type { EndpointName, ErrorStateName, SaaSLLMErrorKind } from "../../src/index";
import type { Fault } from "../../src/testing/index";
import type { directClient } from "./kit";
import { user } from "./kit";

/**
 * `none`: sent once; `backoff`: 1 s, 2 s, 4 s ±25%; `once`: one retry after 1 s ±25% (a 500 `LLM call failed`
 * the server already retried against the provider, contract §5.2); a number: the exact Retry-After wait in ms.
 */
export type RetryExpectation = "none" | "backoff" | "once" | number;

export interface Row {
  id: string;
  fault: Fault;
  kind: SaaSLLMErrorKind;
  state: ErrorStateName;
  retry: RetryExpectation;
}

const json = (id: string, status: number, detail: unknown, kind: SaaSLLMErrorKind, state: ErrorStateName, retry: RetryExpectation = "none", headers?: Record<string, string>): Row => ({
  id,
  fault: { status, detail, ...(headers ? { headers } : {}) },
  kind,
  state,
  retry,
});
const raw = (id: string, status: number, body: string, contentType: string, kind: SaaSLLMErrorKind, state: ErrorStateName, retry: RetryExpectation = "none"): Row => ({
  id,
  fault: { status, body, contentType },
  kind,
  state,
  retry,
});

const TEAM = "team-other";
export const ROWS: Row[] = [
  json("400", 400, "Bad Request", "bad_request", "invalid-request"),
  json("401 A1", 401, "Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'", "unauthorized", "re-auth"),
  json("401 A2", 401, "Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'", "unauthorized", "re-auth"),
  json("401 A3", 401, "Invalid API key", "unauthorized", "re-auth"),
  json("403 A4", 403, "Team access is suspended. Please contact support.", "team_suspended", "team-suspended"),
  json("403 A5", 403, "Team access is paused. Please contact support.", "team_paused", "team-paused"),
  json("403 A6", 403, "Team access is archived. Please contact support.", "forbidden", "forbidden"),
  json("403 T1", 403, `API key does not belong to team '${TEAM}'`, "forbidden", "forbidden"),
  json("403 T2", 403, "Job does not belong to your team", "forbidden", "forbidden"),
  json("403 T3", 403, "Cannot access usage data for a different team", "forbidden", "forbidden"),
  json("403 T4", 403, "Cannot access jobs for a different team", "forbidden", "forbidden"),
  json("403 T5", 403, "Cannot access credit balance for a different team", "forbidden", "forbidden"),
  json("403 T6", 403, "Cannot access credit transactions for a different team", "forbidden", "forbidden"),
  json("403 T7", 403, "Cannot check credits for a different team", "forbidden", "forbidden"),
  json("403 T8", 403, "Cannot resolve model group for a different team", "forbidden", "forbidden"),
  json("403 M1", 403, `Team '${TEAM}' does not have access to model alias 'chat-fast'`, "model_access_denied", "no-model-access"),
  json("403 M2", 403, `Team '${TEAM}' does not have access to model group 'gpt-9'`, "model_access_denied", "no-model-access"),
  json("403 M3", 403, "Model group 'legacy' not found or inactive", "model_access_denied", "no-model-access"),
  json("403 M4", 403, "No active models configured for group 'legacy'", "model_access_denied", "no-model-access"),
  json("403 credits (docs)", 403, "Insufficient credits", "insufficient_credits", "out-of-credits"),
  raw("403 empty", 403, "", "text/plain", "forbidden", "forbidden"),
  json("404 N1", 404, "Job not found", "not_found", "not-found"),
  json("404 N5", 404, "Not Found", "not_found", "not-found"),
  json("405 N6", 405, "Method Not Allowed", "bad_request", "invalid-request"),
  raw("408 empty", 408, "", "text/plain", "server", "service-unavailable", "backoff"),
  json("422 v2", 422, [{ type: "missing", loc: ["body", "model"], msg: "Field required", input: {} }], "validation", "invalid-request"),
  json("422 v1", 422, [{ loc: ["body", "model"], msg: "field required", type: "value_error.missing" }], "validation", "invalid-request"),
  json("429 no Retry-After", 429, "Too Many Requests", "rate_limited", "rate-limited", "backoff"),
  json("429 Retry-After: 2", 429, "Too Many Requests", "rate_limited", "rate-limited", 2000, { "retry-after": "2" }),
  raw("429 empty", 429, "", "text/plain", "rate_limited", "rate-limited", "backoff"),
  json("500 JSON P1", 500, "LLM call failed: 'choices'", "server", "service-unavailable", "once"),
  json("500 P1 provider 429", 500, "LLM call failed: 500: Failed to call provider API: OpenAI rate limit: Error code: 429 - {}", "rate_limited", "rate-limited", "once"),
  json("500 P1 credentials", 500, "LLM call failed: 500: No provider credentials configured for openai. Please add credentials in the admin dashboard.", "server", "service-unavailable", "none"),
  raw("500 X1 text", 500, "Internal Server Error", "text/plain; charset=utf-8", "server", "service-unavailable", "backoff"),
  raw("500 empty", 500, "", "text/plain", "server", "service-unavailable", "backoff"),
  raw("502 HTML", 502, "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>", "text/html", "server", "service-unavailable", "backoff"),
  json("503 Retry-After: 1", 503, "Service Unavailable", "unavailable", "service-unavailable", 1000, { "retry-after": "1" }),
  raw("503 empty", 503, "", "text/plain", "unavailable", "service-unavailable", "backoff"),
  raw("504 HTML", 504, "<!DOCTYPE html><html><title>Gateway Timeout</title></html>", "text/html", "server", "service-unavailable", "backoff"),
];

type Client = ReturnType<typeof directClient>;
const call = { model: "chat-fast", messages: user("hello") };

/** One call per client endpoint; `jobId` is an existing job. */
export const ENDPOINT_CALLS: Record<EndpointName, (c: Client, jobId: string) => Promise<unknown>> = {
  health: (c) => c.health(),
  createJob: (c) => c.createJob({ job_type: "matrix" }),
  getJob: (c, id) => c.getJob(id),
  completeJob: (c, id) => c.completeJob(id, { status: "completed" }),
  updateJobMetadata: (c, id) => c.updateJobMetadata(id, { k: 1 }),
  getJobCosts: (c, id) => c.getJobCosts(id),
  llmCall: (c, id) => c.llmCall(id, call),
  streamLLMCall: (c, id) => c.streamLLMCall(id, call),
  createAndCall: (c) => c.createAndCall(call),
  streamCreateAndCall: (c) => c.streamCreateAndCall(call),
  getTeamUsage: (c) => c.getTeamUsage("2025"),
  listTeamJobs: (c) => c.listTeamJobs(),
  getCreditBalance: (c) => c.getCreditBalance(),
  getCreditTransactions: (c) => c.getCreditTransactions(),
  checkCredits: (c) => c.checkCredits(1),
  getTeamInfo: (c) => c.getTeamInfo(),
  resolveModelGroup: (c) => c.resolveModelGroup("legacy-group"),
};

/** Requests the simulator should see: 1 + 3 retries; completeJob is never blindly retried (one guarded re-send). */
export function expectedRequests(row: Row, endpoint: EndpointName): number {
  if (row.retry === "none") return 1;
  return endpoint === "completeJob" || row.retry === "once" ? 2 : 4;
}

/** Whether `delays` (ms, one per retry) follow the policy for `row`. */
export function delaysMatch(row: Row, endpoint: EndpointName, delays: number[]): boolean {
  if (row.retry === "none" || endpoint === "completeJob") return delays.length === 0;
  if (delays.length !== (row.retry === "once" ? 1 : 3)) return false;
  if (typeof row.retry === "number") return delays.every((d) => d === row.retry);
  return delays.every((d, i) => d >= 1000 * 2 ** i * 0.75 && d <= 1000 * 2 ** i * 1.25);
}
