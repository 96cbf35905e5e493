import type { JobCloser } from "./jobs/createJobCloser";
import type { JsonCall } from "./jsonCall";
import type { TransportConfig } from "./transport";

/** What a method module builds on: the client's transport, its JSON call, its job closer and settings. */
export interface ClientCore {
  config: TransportConfig;
  call: JsonCall;
  closer: JobCloser;
  teamId: string;
  idleTimeoutMs: number;
}
