import type { ReactNode } from "react";
import { CopyJsonButton } from "./CopyJsonButton";
import { describeAttempt, describeJob, describeRequest, describeStream, jobWarning, shortId } from "./describe";
import type { InspectedJob, InspectedRequest, InspectedStream } from "./inspectorTypes";

// Newest first: the entry a developer is looking for is usually the last thing that happened.
const newest = <T,>(list: T[]) => [...list].reverse();

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section className="slm-devtools__section" aria-label={title}>
      <h3 className="slm-devtools__heading">{title} ({count})</h3>
      {count === 0 ? <p className="slm-devtools__empty">None yet.</p> : <ul className="slm-devtools__list" aria-label={title}>{children}</ul>}
    </section>
  );
}

export function JobList({ jobs }: { jobs: InspectedJob[] }) {
  return (
    <Section title="Jobs" count={jobs.length}>
      {newest(jobs).map((job) => {
        const warning = jobWarning(job);
        return (
          <li key={job.jobId} className="slm-devtools__entry" data-status={job.status}>
            <span className="slm-devtools__text">{describeJob(job)}</span>
            {warning ? <span className="slm-devtools__warning">⚠ {warning}</span> : null}
            {job.closes.length ? (
              <ol className="slm-devtools__attempts" aria-label={`Closes of job ${shortId(job.jobId)}`}>
                {job.closes.map((c, i) => (
                  <li key={i}>{`${c.ok ? "" : "refused: "}${c.status} by ${c.by}${c.reason ? ` (${c.reason})` : ""}${c.errorKind ? ` · ${c.errorKind}` : ""}${c.shared ? " · not sent: already closed" : ""}`}</li>
                ))}
              </ol>
            ) : null}
            <CopyJsonButton value={job} label={`job ${shortId(job.jobId)}`} />
          </li>
        );
      })}
    </Section>
  );
}

export function RequestList({ requests }: { requests: InspectedRequest[] }) {
  return (
    <Section title="Requests" count={requests.length}>
      {newest(requests).map((r) => (
        <li key={r.requestId} className="slm-devtools__entry" data-outcome={r.outcome}>
          <span className="slm-devtools__text">{describeRequest(r)}</span>
          <code className="slm-devtools__path">{r.path}</code>
          <ol className="slm-devtools__attempts" aria-label={`Attempts of ${r.endpoint} ${shortId(r.requestId)}`}>
            {r.attempts.map((a) => (
              <li key={a.attempt} data-failed={a.error ? "" : undefined}>{describeAttempt(a)}</li>
            ))}
          </ol>
          <CopyJsonButton value={r} label={`request ${r.endpoint} ${shortId(r.requestId)}`} />
        </li>
      ))}
    </Section>
  );
}

export function StreamList({ streams }: { streams: InspectedStream[] }) {
  return (
    <Section title="Streams" count={streams.length}>
      {newest(streams).map((s) => (
        <li key={`${s.requestId}-${s.attempt}`} className="slm-devtools__entry" data-outcome={s.outcome ?? "streaming"}>
          <span className="slm-devtools__text">{describeStream(s)}</span>
          <CopyJsonButton value={s} label={`stream ${s.endpoint} ${shortId(s.requestId)} attempt ${s.attempt}`} />
        </li>
      ))}
    </Section>
  );
}
