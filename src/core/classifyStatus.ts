import type { SaaSLLMErrorKind } from "./SaaSLLMError";

export interface StatusClassification {
  kind: SaaSLLMErrorKind;
  /** True when the detail shows that retrying cannot help. */
  permanent: boolean;
}

const TEAM_ACCESS = /^Team access is (.+)\. Please contact support\.$/;
const MODEL_ACCESS = [
  /^Team '.*' does not have access to model (alias|group) '.*'$/,
  /^Model group '.*' not found or inactive$/,
  /^No active models configured for group '.*'$/,
  /^Model group '.*' not found$/,
  /does not have access to the requested model/i,
];
const OTHER_TEAM = /for a different team|does not belong to (your )?team/i;
// A 5xx (or stream error) that is really the provider throttling: worth a backoff.
const TRANSIENT_PROVIDER = /\b429\b|rate[ _-]?limit|overloaded|timeout|timed out|Server error '5\d\d|Error code: 5\d\d|\b50[234] /i;
// A 5xx that no retry can fix: configuration on the server side, or a provider rejecting the input.
const PERMANENT_PROVIDER =
  /No provider credentials configured|Provider routing requires organization context|authentication failed|asynchronous context manager protocol|Client error '4(?!29)\d\d/i;

/**
 * Maps an HTTP status and its `detail` text to an error kind, following docs/wire-protocol.md ("Bodies, statuses and errors").
 * Pure: no I/O, never throws. Only a 5xx detail can prove that retrying cannot help (`permanent`).
 */
export function classifyStatus(status: number, detail: string): StatusClassification {
  return status === 408 || (status >= 500 && status !== 503) ? classify5xx(detail) : { kind: kindOf(status, detail), permanent: false };
}

function kindOf(status: number, detail: string): SaaSLLMErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return classify403(detail);
  if (status === 404 || status === 410) return "not_found";
  if (status === 422) return "validation";
  // The docs promise a 429 "Team paused": an account state, never retried.
  if (status === 429) return /paused/i.test(detail) ? "team_paused" : /suspended/i.test(detail) ? "team_suspended" : "rate_limited";
  if (status === 503) return "unavailable";
  return status >= 400 ? "bad_request" : "bad_response";
}

function classify403(detail: string): SaaSLLMErrorKind {
  const team = TEAM_ACCESS.exec(detail);
  if (team) {
    if (team[1] === "suspended") return "team_suspended";
    if (team[1] === "paused") return "team_paused";
    return "forbidden";
  }
  if (MODEL_ACCESS.some((re) => re.test(detail))) return "model_access_denied";
  // T1–T8 ("Cannot check credits for a different team") mention credits but are ownership errors.
  if (OTHER_TEAM.test(detail)) return "forbidden";
  if (/credit|budget/i.test(detail)) return "insufficient_credits";
  if (/\bsuspend/i.test(detail)) return "team_suspended";
  if (/\bpaus/i.test(detail)) return "team_paused";
  return "forbidden";
}

/** Also used for stream error strings, which carry the same reasons as 500 details (§6.4). */
export function classify5xx(detail: string): StatusClassification {
  if (PERMANENT_PROVIDER.test(detail)) return { kind: "server", permanent: true };
  if (/\b429\b|rate[ _-]?limit/i.test(detail)) return { kind: "rate_limited", permanent: false };
  return { kind: "server", permanent: false };
}

/** True when a provider error text describes a temporary condition. */
export function isTransientProviderText(text: string): boolean {
  return TRANSIENT_PROVIDER.test(text) && !PERMANENT_PROVIDER.test(text);
}
