import type { ClientEvent } from "../core/clientEvents";
import type { InspectedJob, InspectedRequest, InspectedStream, InspectorData } from "./inspectorTypes";

const STREAMS = new Set(["streamLLMCall", "streamCreateAndCall"]);

/** `/api/jobs/{id}/...` names the job; the create paths do not. */
export function jobIdOfPath(path: string): string | null {
  const id = /^\/api\/jobs\/([^/?]+)/.exec(path)?.[1];
  return id && !id.startsWith("create") ? decodeURIComponent(id) : null;
}

const update = <T>(list: T[], match: (item: T) => boolean, change: (item: T) => T): T[] => {
  const i = list.findLastIndex(match);
  return i < 0 ? list : list.with(i, change(list[i] as T));
};

const bounded = <T>(list: T[], max: number): T[] => (list.length > max ? list.slice(list.length - max) : list);

/** Folds one client event into the inspector's data (pure: returns new arrays for what changed). */
export function reduceEvent(data: InspectorData, event: ClientEvent, max = 200): InspectorData {
  const byId = (r: { requestId: string }) => r.requestId === event.requestId;
  const attempt = (change: (a: InspectedRequest["attempts"][number]) => InspectedRequest["attempts"][number], outcome?: InspectedRequest["outcome"]) => ({
    ...data,
    requests: update(data.requests, byId, (r) => ({ ...r, outcome: outcome ?? r.outcome, attempts: update(r.attempts, (a) => a.attempt === event.attempt, change) })),
  });
  const stream = (change: (s: InspectedStream) => InspectedStream) => ({ ...data, streams: update(data.streams, (s) => byId(s) && s.attempt === event.attempt, change) });
  const job = (jobId: string, change: (j: InspectedJob) => InspectedJob) => ({ ...data, jobs: update(data.jobs, (j) => j.jobId === jobId, change) });

  switch (event.type) {
    case "request": {
      const first = data.requests.findLast(byId);
      const next = { attempt: event.attempt, at: event.at };
      const requests = first
        ? update(data.requests, byId, (r) => ({ ...r, outcome: "pending" as const, attempts: [...r.attempts, next] }))
        : bounded([...data.requests, { requestId: event.requestId, endpoint: event.endpoint, method: event.method, path: event.path, jobId: jobIdOfPath(event.path), startedAt: event.at, outcome: "pending" as const, attempts: [next] }], max);
      const streams = STREAMS.has(event.endpoint)
        ? bounded([...data.streams, { requestId: event.requestId, endpoint: event.endpoint, jobId: jobIdOfPath(event.path), attempt: event.attempt, phases: [{ phase: "requested" as const, at: event.at }], firstTokenMs: null, chunks: 0, chars: 0, finishReason: null, usage: null }], max)
        : data.streams;
      return { ...data, requests, streams };
    }
    case "response":
      return attempt((a) => ({ ...a, status: event.status, latencyMs: event.latencyMs }), "ok");
    case "stream-start": {
      const next = attempt((a) => ({ ...a, status: event.status, latencyMs: event.latencyMs }), "ok");
      return { ...next, streams: stream((s) => ({ ...s, phases: [...s.phases, { phase: "opened", at: event.at }] })).streams };
    }
    case "error":
      // A stream that failed after its 200 keeps that status: the failure came later, in the body.
      return attempt((a) => ({ ...a, status: event.status ?? a.status, latencyMs: event.latencyMs, error: { kind: event.kind, status: event.status, message: event.message, retryable: event.retryable } }), "error");
    case "retry":
      return attempt((a) => ({ ...a, retry: { delayMs: event.delayMs, delaySource: event.delaySource, retry: event.retry, maxRetries: event.maxRetries } }));
    case "no-retry":
      return attempt((a) => ({ ...a, noRetry: event.reason }));
    case "first-token":
      return stream((s) => ({ ...s, firstTokenMs: event.latencyMs, phases: [...s.phases, { phase: "first-token", at: event.at }] }));
    case "stream-end":
      return reduceStreamEnd(stream((s) => ({ ...s, jobId: s.jobId ?? event.jobId, chunks: event.chunks, chars: event.chars, outcome: event.outcome, finishReason: event.finishReason, usage: event.usage, durationMs: event.latencyMs, firstTokenMs: event.firstTokenMs, phases: [...s.phases, { phase: "ended", at: event.at }] })), event);
    case "call-usage":
      return job(event.jobId, (j) => ({ ...j, calls: j.calls + 1, tokens: j.tokens + event.tokens }));
    case "job-open":
      if (data.jobs.some((j) => j.jobId === event.jobId)) return data;
      return { ...data, jobs: bounded([...data.jobs, { jobId: event.jobId, openedAt: event.at, via: event.endpoint, jobType: event.jobType, calls: 0, tokens: 0, status: "open", closes: [] }], max), streams: stream((s) => ({ ...s, jobId: event.jobId })).streams };
    case "job-close":
      return job(event.jobId, (j) => ({
        ...j,
        status: event.ok ? event.status : j.status,
        charge: event.charge ?? j.charge,
        closes: [...j.closes, { at: event.at, status: event.status, by: event.by, reason: event.reason, ok: event.ok, errorKind: event.errorKind }],
      }));
    case "job-close-shared":
      return job(event.jobId, (j) => ({
        ...j,
        closes: [...j.closes, { at: event.at, status: event.status, by: event.by, reason: event.reason, ok: true, shared: true }],
      }));
    default:
      // Credits and event types added later: the team-status store and future panels read them.
      return data;
  }
}

/** A finished stream is a call of its job; E6's job is completed by the server once the answer is done. */
function reduceStreamEnd(data: InspectorData, event: Extract<ClientEvent, { type: "stream-end" }>): InspectorData {
  // Only a finished answer counts as a call here; a cut one is listed under Streams (the server's count wins once closed).
  if (!event.jobId || event.outcome !== "done") return data;
  const tokens = event.usage?.total_tokens ?? 0;
  const serverClosed = event.endpoint === "streamCreateAndCall" && event.outcome === "done";
  return {
    ...data,
    jobs: update(data.jobs, (j) => j.jobId === event.jobId, (j) => ({
      ...j,
      calls: j.calls + 1,
      tokens: j.tokens + tokens,
      ...(serverClosed ? { status: "completed" as const, closes: [...j.closes, { at: event.at, status: "completed" as const, by: "server" as const, ok: true }] } : {}),
    })),
  };
}
