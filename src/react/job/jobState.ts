import type { SaaSLLMError } from "../../core/SaaSLLMError";
import type { CompleteJobResult } from "../../core/types";

/** Where a job owned by `useJob` is. */
export type JobState =
  | { status: "idle"; jobId: null }
  | { status: "creating"; jobId: null }
  | { status: "active"; jobId: string }
  | { status: "completing"; jobId: string }
  | { status: "completed"; jobId: string; result: CompleteJobResult }
  | { status: "failed"; jobId: string; result: CompleteJobResult | null; reason: string }
  /** Creating or completing failed. `jobId` is set when the job exists (then it may still be open). */
  | { status: "error"; jobId: string | null; error: SaaSLLMError };
