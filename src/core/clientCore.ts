import type { JobCloser } from "./jobs/createJobCloser";
import type { JobMethods } from "./jobMethods";
import type { JobEndpoint } from "./endpoints";
import type { JsonCall } from "./jsonCall";
import type { TransportConfig } from "./transport";

/** What a method module builds on: the client's transport, its JSON call and job methods, its job closer and settings. */
export interface ClientCore {
  config: TransportConfig;
  /** JSON requests to the job endpoints (a module with endpoints of its own makes its call with `createJsonCall` and its routes). */
  call: JsonCall<JobEndpoint>;
  /** The job reads (closing goes through `closer`, never a raw complete). */
  jobs: Pick<JobMethods, "getJob" | "listTeamJobs">;
  closer: JobCloser;
  teamId: string;
  idleTimeoutMs: number;
}
