import type { SaaSLLMError } from "../SaaSLLMError";

/**
 * What `useJob` hands to `useLLMCall` / `useChatStream` (`job: handle`): the calls create the job on demand
 * and report their outcome, so the job is completed as `failed` when its last call failed.
 */
export interface JobHandle {
  readonly jobId: string | null;
  /** The job id, creating the job first if it was not started. */
  ensureJob(): Promise<string>;
  reportCallError(error: SaaSLLMError): void;
  reportCallSuccess(): void;
}

/** A `job` option: an existing job id, or a `useJob` handle. */
export type JobRef = string | JobHandle;

export function isJobHandle(job: unknown): job is JobHandle {
  return typeof job === "object" && job !== null && typeof (job as JobHandle).ensureJob === "function";
}
