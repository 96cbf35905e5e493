import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import type { SaaSLLMError } from "../core/SaaSLLMError";
import type { CreateJobInput, Job, JobCosts, JsonObject } from "../core/types";
import type { JobHandle } from "./jobHandle";
import { createJobController } from "./job/createJobController";
import type { JobState } from "./job/jobState";
import { createRetainer, useRetainer } from "./hooks/retainer";
import { shouldThrow, type ThrowOnError } from "./hooks/shouldThrow";
import { useLatest } from "./hooks/useLatest";
import { saasLLMKeys } from "./queryKeys";
import { useSaaSLLMContext } from "./SaaSLLMProvider";

export interface UseJobOptions {
  /** The job type recorded on the server. @default "chat" */
  jobType?: string;
  userId?: string;
  metadata?: JsonObject;
  /** Leave an open job open when the component unmounts (you complete it elsewhere). @default false */
  keepOpenOnUnmount?: boolean;
  /** Poll the job record while it is open. `false` turns polling off. @default 5000 */
  pollIntervalMs?: number | false;
  /** Hand create/complete errors to the nearest error boundary. */
  throwOnError?: ThrowOnError;
}

export interface UseJobResult extends JobHandle {
  state: JobState;
  status: JobState["status"];
  /** The job record from the server (polled while open). */
  job: Job | undefined;
  /** Costs, once completed or failed through `complete` / `fail`. */
  costs: JobCosts | undefined;
  error: SaaSLLMError | null;
  /** Creates the job (once; returns the existing id when already active). */
  start(input?: Partial<CreateJobInput>): Promise<string>;
  /** Completes it, as `failed` if its last call failed. Sent at most once per job. */
  complete(metadata?: JsonObject): Promise<void>;
  fail(reason: string): Promise<void>;
  isActive: boolean;
}

/**
 * A job's lifecycle: create, calls (pass the result as `job` to `useLLMCall` / `useChatStream`), complete.
 * A job still open when the component unmounts is completed as `failed` unless `keepOpenOnUnmount`.
 *
 * @example
 * const job = useJob({ jobType: "summarize" });
 * const call = useLLMCall({ job, model: "chat-fast" });
 * await call.call("Summarize ..."); await job.complete();
 */
export function useJob(options: UseJobOptions = {}): UseJobResult {
  const { client } = useSaaSLLMContext();
  const latest = useLatest({ options, client });
  const [controller] = useState(() => createJobController(() => latest.current.client, () => latest.current.options));
  const state = useStore(controller.store);

  // Held until a real unmount (not StrictMode's simulated one, not a hidden Activity), which fails an open job.
  const [retainer] = useState(() => createRetainer(() => void (latest.current.options.keepOpenOnUnmount || controller.abandon())));
  useRetainer(retainer);

  const open = state.status === "active" || state.status === "completing";
  const poll = options.pollIntervalMs ?? 5000;
  const query = useQuery({
    queryKey: saasLLMKeys.job(state.jobId ?? ""),
    // One executor per request: the client retries by its own policy (and its `retry` options), react-query does not.
    queryFn: ({ signal }) => client.getJob(state.jobId as string, { signal }),
    enabled: state.jobId !== null,
    refetchInterval: open && poll,
    retry: false,
  });

  // The record stops polling once closed: read it once more so it shows the final status.
  const queryClient = useQueryClient();
  const closed = state.status === "completed" || state.status === "failed";
  useEffect(() => {
    if (closed && state.jobId) void queryClient.invalidateQueries({ queryKey: saasLLMKeys.job(state.jobId) });
  }, [closed, state.jobId, queryClient]);

  const error = state.status === "error" ? state.error : null;
  if (shouldThrow(options.throwOnError, error)) throw error;

  // The controller's actions, without what only this hook uses.
  const actions = useMemo(() => {
    const { store: _store, abandon: _abandon, ...rest } = controller;
    return rest;
  }, [controller]);
  const costs = closed ? state.result?.costs : undefined;
  const job = query.data;
  // One object per change of what it shows: safe in effect dependencies.
  return useMemo(() => ({ ...actions, state, status: state.status, jobId: state.jobId, job, costs, error, isActive: open }), [actions, state, job, costs, error, open]);
}
