import { describe, expect, it } from "vitest";
import type { ClientEvent } from "../core/clientEvents";
import type { InspectorData } from "./inspectorTypes";
import { jobIdOfPath, reduceEvent } from "./reduceEvent";

const empty: InspectorData = { jobs: [], requests: [], streams: [] };
const base = { endpoint: "createJob" as const, attempt: 1, at: 1 };
const fold = (events: ClientEvent[], max?: number) => events.reduce((d, e) => reduceEvent(d, e, max), empty);

describe("reduceEvent", () => {
  it("names the job of a job path, not of the create paths", () => {
    expect(jobIdOfPath("/api/jobs/abc%2F1/llm-call")).toBe("abc/1");
    expect(jobIdOfPath("/api/jobs/create")).toBeNull();
    expect(jobIdOfPath("/api/jobs/create-and-call-stream")).toBeNull();
    expect(jobIdOfPath("/api/teams/t/jobs")).toBeNull();
  });

  it("keeps the newest entries when a list passes its cap", () => {
    const requests = [1, 2, 3].map((n): ClientEvent => ({ type: "request", ...base, requestId: `r${n}`, method: "POST", path: "/api/jobs/create" }));
    expect(fold(requests, 2).requests.map((r) => r.requestId)).toEqual(["r2", "r3"]);
  });

  it("a refused close is recorded but leaves the job open; a later successful close closes it", () => {
    const open: ClientEvent = { type: "job-open", ...base, requestId: "r1", jobId: "j1" };
    const refused: ClientEvent = { type: "job-close", ...base, endpoint: "completeJob", requestId: "r2", jobId: "j1", status: "completed", by: "app", ok: false, errorKind: "network" };
    const closed: ClientEvent = { ...refused, requestId: "r3", ok: true, errorKind: undefined };
    const afterRefusal = fold([open, refused]).jobs[0];
    expect(afterRefusal?.status).toBe("open");
    expect(afterRefusal?.closes).toHaveLength(1);
    expect(fold([open, refused, closed]).jobs[0]?.status).toBe("completed");
  });

  it("events for unknown requests or jobs change nothing", () => {
    const stray: ClientEvent[] = [
      { type: "response", ...base, requestId: "nobody", status: 200, latencyMs: 3 },
      { type: "call-usage", ...base, endpoint: "llmCall", requestId: "nobody", jobId: "none", tokens: 5, serverLatencyMs: 1, model: "m" },
    ];
    expect(fold(stray)).toEqual(empty);
  });
});
