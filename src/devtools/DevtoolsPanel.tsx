import { useId, useState } from "react";
import { useStore } from "zustand";
import type { InspectorStore } from "./createInspectorStore";
import { shortId } from "./describe";
import { JobList, RequestList, StreamList } from "./EntryLists";
import { PANEL_CSS } from "./panelStyles";
import { ResizeHandle } from "./ResizeHandle";
import { TeamStatusLine } from "./TeamStatusLine";
import { filterData, type KindFilter } from "./filterData";

export interface DevtoolsPanelProps {
  store: InspectorStore;
  onClose(): void;
  height: number;
  onResize(height: number): void;
}

/** The panel itself (loaded lazily by `SaaSLLMDevtools`): filters, team status and the three live lists. */
export default function DevtoolsPanel({ store, onClose, height, onResize }: DevtoolsPanelProps) {
  const jobs = useStore(store, (s) => s.jobs);
  const requests = useStore(store, (s) => s.requests);
  const streams = useStore(store, (s) => s.streams);
  const [kind, setKind] = useState<KindFilter>("all");
  const [job, setJob] = useState<string>("all");
  const id = useId();
  const shown = filterData({ jobs, requests, streams }, job);

  return (
    <section id={`${id}-panel`} className="slm-devtools__panel" aria-label="SaaS LiteLLM devtools" style={{ height }}>
      <style>{PANEL_CSS}</style>
      <ResizeHandle height={height} onResize={onResize} />
      <header className="slm-devtools__bar">
        <h2 className="slm-devtools__title">SaaS LiteLLM devtools</h2>
        <TeamStatusLine store={store} />
        <label className="slm-devtools__filter">
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as KindFilter)}>
            <option value="all">All</option>
            <option value="jobs">Jobs</option>
            <option value="requests">Requests</option>
            <option value="streams">Streams</option>
          </select>
        </label>
        <label className="slm-devtools__filter">
          Job
          <select value={job} onChange={(e) => setJob(e.target.value)}>
            <option value="all">All jobs</option>
            {jobs.map((j) => (
              <option key={j.jobId} value={j.jobId}>{shortId(j.jobId)}</option>
            ))}
          </select>
        </label>
        <button type="button" className="slm-devtools__button" onClick={() => store.getState().clear()}>Clear</button>
        <button type="button" className="slm-devtools__button" onClick={onClose}>Close devtools</button>
      </header>
      <div className="slm-devtools__body">
        {kind === "all" || kind === "jobs" ? <JobList jobs={shown.jobs} /> : null}
        {kind === "all" || kind === "requests" ? <RequestList requests={shown.requests} /> : null}
        {kind === "all" || kind === "streams" ? <StreamList streams={shown.streams} /> : null}
      </div>
    </section>
  );
}
