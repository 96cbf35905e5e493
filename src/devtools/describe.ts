import type { NoRetryReason } from "../core/clientEvents";
import { SaaSLLMError } from "../core/SaaSLLMError";
import { toErrorState } from "../core/ui/toErrorState";
import type { InspectedAttempt, InspectedJob, InspectedRequest, InspectedStream } from "./inspectorTypes";

/** Enough of an id to tell entries apart; the full id is in the entry's JSON. */
export const shortId = (id: string) => (id.length > 10 ? `${id.slice(0, 8)}…` : id);

export const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

/** The state a screen built on this package shows for that failure (the same mapping the components use). */
const uiStateOf = (e: NonNullable<InspectedAttempt["error"]>) => toErrorState(new SaaSLLMError({ kind: e.kind, message: e.message, status: e.status })).state;

const WAIT = { "retry-after": "the server's Retry-After", custom: "the app's retry.delay", backoff: "exponential backoff with jitter" } as const;

/** Why this attempt was retried and how the wait was chosen, in one sentence. */
function retryReason({ error, status, retry }: InspectedAttempt): string {
  const what = status ? `HTTP ${status} (${error?.kind})` : (error?.kind ?? "the error");
  return retry ? `${what} is retryable; retry ${retry.retry} of ${retry.maxRetries}, waiting per ${WAIT[retry.delaySource]}` : "";
}

const NO_RETRY: Record<NoRetryReason, string> = {
  "not-retryable": "not retried: this error does not go away by trying again",
  "retries-exhausted": "not retried: retries used up",
  "upstream-budget": "not retried: another attempt could exceed the budget of upstream calls (the server already retried the provider)",
  "retries-off": "not retried: retries are off for this call",
  "partial-text": "not retried: text was already shown, a retry would replay it",
  aborted: "not retried: cancelled by the app",
  "unknown-outcome": "not retried: the server may still finish (and charge) this attempt; its job is looked up instead",
};

export function describeAttempt(a: InspectedAttempt): string {
  const parts = [`attempt ${a.attempt}`];
  if (a.status !== undefined) parts.push(`HTTP ${a.status}`);
  if (a.latencyMs !== undefined) parts.push(ms(a.latencyMs));
  if (a.error) parts.push(`${a.error.kind} → UI state ${uiStateOf(a.error)}`);
  else if (a.status === undefined) parts.push("in flight");
  if (a.retry) parts.push(`retry in ${ms(a.retry.delayMs)} (${a.retry.delaySource}): ${retryReason(a)}`);
  if (a.noRetry) parts.push(NO_RETRY[a.noRetry]);
  return parts.join(" · ");
}

export function describeRequest(r: InspectedRequest): string {
  const n = r.attempts.length;
  const last = r.attempts[n - 1];
  const result = r.outcome === "pending" ? "pending" : r.outcome === "ok" ? `ok${last?.status ? ` ${last.status}` : ""}` : `failed: ${last?.error?.kind ?? "error"}`;
  return `${r.method} ${r.endpoint}${r.jobId ? ` · job ${shortId(r.jobId)}` : ""} · ${n} attempt${n === 1 ? "" : "s"} · ${result}`;
}

const ENDINGS: Record<string, string> = {
  done: "finished",
  stream_interrupted: "cut",
  stream_error: "error event from the server",
  aborted: "stopped by the app",
  timeout: "timed out",
};

export function describeStream(s: InspectedStream): string {
  const parts = [`${s.endpoint} attempt ${s.attempt}`];
  if (s.jobId) parts.push(`job ${shortId(s.jobId)}`);
  parts.push(s.phases.map((p) => p.phase.replace("-", " ")).join(" → "));
  parts.push(s.firstTokenMs === null ? "no token yet" : `first token ${ms(s.firstTokenMs)}`);
  parts.push(`${s.chunks} chunk${s.chunks === 1 ? "" : "s"}`, `${s.chars} chars`);
  if (s.outcome) {
    const ending = ENDINGS[s.outcome] ?? s.outcome;
    parts.push(`ended: ${ending}${s.outcome === "done" && s.finishReason ? ` (${s.finishReason})` : s.outcome === "done" ? "" : ` (${s.outcome})`}${s.durationMs !== undefined ? ` after ${ms(s.durationMs)}` : ""}`);
  } else parts.push("streaming");
  if (s.usage?.total_tokens !== undefined) parts.push(`${s.usage.total_tokens} tokens`);
  return parts.join(" · ");
}

export function describeJob(j: InspectedJob): string {
  const calls = j.charge?.calls ?? j.calls;
  const parts = [`job ${shortId(j.jobId)}`, j.jobType ?? "job", `opened by ${j.via}`, `${calls} call${calls === 1 ? "" : "s"}`, `${j.charge?.tokens ?? j.tokens} tokens`];
  const closed = j.closes.filter((c) => c.ok && !c.shared).at(-1);
  parts.push(closed ? `${closed.status} by ${closed.by}${closed.reason ? `: ${closed.reason}` : ""}` : j.status === "open" ? "open" : j.status);
  if (j.charge) {
    parts.push(j.charge.creditApplied ? "credit charged" : "no credit charged", `$${j.charge.costUsd.toFixed(6)}`, `${j.charge.creditsRemaining} credits left`);
  }
  return parts.join(" · ");
}

/** A warning for the job, when something about its lifecycle needs a developer's eye. */
export function jobWarning(j: InspectedJob): string | null {
  const sent = j.closes.filter((c) => !c.shared).length;
  if (sent > 1) return `closed ${sent} times: each close re-applies or flips the charge on the server`;
  const shared = j.closes.length - sent;
  if (shared > 0) return `asked to close ${j.closes.length} times, sent once: the client closes a job once (a repeated complete would flip the charge)`;
  const refused = j.closes.find((c) => !c.ok);
  return refused ? `close failed (${refused.errorKind ?? "error"}): the job may still be open` : null;
}
