import type { InspectorData } from "./inspectorTypes";

export type KindFilter = "all" | "jobs" | "requests" | "streams";

/** What the panel lists for a job filter (`"all"` or a job id); the kind filter hides whole sections instead. */
export function filterData(data: InspectorData, jobId: string): InspectorData {
  if (jobId === "all") return data;
  return {
    jobs: data.jobs.filter((j) => j.jobId === jobId),
    requests: data.requests.filter((r) => r.jobId === jobId),
    streams: data.streams.filter((s) => s.jobId === jobId),
  };
}
