import { badResponseError } from "./errorFactories";
import type { EndpointName } from "./endpoints";
import type { Job, JobCosts, JobStatus } from "./types";

type Rec = Record<string, unknown>;

/**
 * Both server timestamp formats are UTC: `2025-11-05T22:35:22.123456` (naive) and `2025-11-05T22:35:22Z`.
 * A naive one gets a `Z`; microseconds are trimmed to what Date keeps.
 */
export function parseUtc(value: unknown): Date | null {
  if (typeof value !== "string" || value === "") return null;
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value);
  const trimmed = value.replace(/(\.\d{3})\d+/, "$1");
  const date = new Date(hasZone ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `PENDING` -> `pending`; the upstream sends uppercase, the docs lowercase. */
export function normalizeStatus(value: unknown): JobStatus {
  return (typeof value === "string" ? value.toLowerCase() : "pending") as JobStatus;
}

/** Asserts a JSON object with the given keys, or throws `bad_response`. */
export function expectObject(value: unknown, keys: string[], endpoint: EndpointName): Rec {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badResponseError("expected a JSON object", { endpoint });
  }
  const missing = keys.filter((k) => !(k in value));
  if (missing.length) throw badResponseError(`missing field(s): ${missing.join(", ")}`, { endpoint });
  return value as Rec;
}

export function toJob(raw: unknown, endpoint: EndpointName): Job {
  const r = expectObject(raw, ["job_id", "status"], endpoint);
  return {
    job_id: String(r.job_id),
    team_id: String(r.team_id ?? ""),
    user_id: (r.user_id as string | null) ?? null,
    job_type: String(r.job_type ?? ""),
    status: normalizeStatus(r.status),
    created_at: parseUtc(r.created_at) ?? new Date(0),
    started_at: parseUtc(r.started_at),
    completed_at: parseUtc(r.completed_at),
    metadata: (r.metadata as Job["metadata"]) ?? null,
    error_message: (r.error_message as string | null) ?? null,
    credit_applied: r.credit_applied === true,
    model_groups_used: Array.isArray(r.model_groups_used) ? r.model_groups_used.map(String) : [],
  };
}

export function toCosts(raw: unknown, endpoint: EndpointName): JobCosts {
  const r = expectObject(raw, ["credit_applied"], endpoint);
  const num = (k: string) => (typeof r[k] === "number" ? (r[k] as number) : 0);
  return {
    total_calls: num("total_calls"),
    successful_calls: num("successful_calls"),
    failed_calls: num("failed_calls"),
    total_tokens: num("total_tokens"),
    total_cost_usd: num("total_cost_usd"),
    avg_latency_ms: num("avg_latency_ms"),
    credit_applied: r.credit_applied === true,
    credits_remaining: num("credits_remaining"),
  };
}

/** Replaces the named timestamp fields with Dates and lowercases `status`, keeping the rest. */
export function withDates<T>(raw: unknown, keys: string[], required: string[], endpoint: EndpointName): T {
  const r = { ...expectObject(raw, required, endpoint) };
  for (const k of keys) if (k in r) r[k] = parseUtc(r[k]);
  if ("status" in r && typeof r.status === "string" && /^[A-Z_]+$/.test(r.status)) r.status = normalizeStatus(r.status);
  return r as T;
}
