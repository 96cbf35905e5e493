import { createAccountMethods } from "./accountMethods";
import { createJobMethods } from "./jobMethods";
import { createJsonCall } from "./jsonCall";
import type { TransportConfig } from "./transport";

/** All JSON (non-streaming) endpoints E1–E3, E5, E7–E17: the job methods and the account methods. */
export function createJsonMethods(config: TransportConfig, teamId: string) {
  const call = createJsonCall(config);
  return { ...createJobMethods(call, config, teamId), ...createAccountMethods(call, teamId) };
}
