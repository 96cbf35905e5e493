import { createStore } from "zustand/vanilla";
import type { SaaSLLMClient } from "../../core/createSaaSLLMClient";
import { abortError } from "../../core/errorFactories";
import { isSaaSLLMError, type SaaSLLMError } from "../../core/SaaSLLMError";
import type { CreateJobInput, JsonObject } from "../../core/types";
import type { JobHandle } from "../jobHandle";
import type { JobState } from "./jobState";

export interface JobControllerOptions {
  jobType: string;
  userId?: string;
  metadata?: JsonObject;
}

/**
 * The framework-free engine behind `useJob`. It never leaves a job open by accident and never sends
 * complete twice for one job (the upstream flips the charge on a repeated complete).
 */
export function createJobController(getClient: () => SaaSLLMClient, getOptions: () => JobControllerOptions) {
  const store = createStore<JobState>()(() => ({ status: "idle", jobId: null }));
  let creating: Promise<string> | null = null;
  let closing: Promise<void> | null = null;
  let lastCallError: SaaSLLMError | null = null;
  let abandoned = false;

  async function start(input: Partial<CreateJobInput> = {}): Promise<string> {
    // After its owner unmounted nothing may open a job that nobody would ever complete.
    if (abandoned) throw abortError({ endpoint: "createJob" }, "The component that owned the job unmounted");
    const state = store.getState();
    if (state.status === "active") return state.jobId;
    if (creating) return creating;
    const { jobType, userId, metadata } = getOptions();
    store.setState({ status: "creating", jobId: null });
    closing = null;
    lastCallError = null;
    creating = getClient()
      .createJob({ job_type: jobType, user_id: userId, metadata, ...input })
      .then(
        ({ job_id }) => (store.setState({ status: "active", jobId: job_id }), job_id),
        (error: SaaSLLMError) => {
          store.setState({ status: "error", jobId: null, error });
          throw error;
        },
      )
      .finally(() => (creating = null));
    return creating;
  }

  async function close(status: "completed" | "failed", reason?: string, metadata?: JsonObject): Promise<void> {
    // complete() while the job is being created completes it once it exists.
    if (creating) await creating.catch(() => undefined);
    if (closing) return closing;
    const state = store.getState();
    const jobId = state.jobId;
    if (!jobId || state.status === "completed" || state.status === "failed") return;
    store.setState({ status: "completing", jobId });
    // The client's closer sends complete at most once per job and reads the job first after a failed attempt.
    closing = getClient()
      .completeJob(jobId, { status, ...(reason ? { error_message: reason.slice(0, 1000) } : {}), ...(metadata ? { metadata } : {}) })
      .then(
        (result) => store.setState(result.status === "completed" ? { status: "completed", jobId, result } : { status: "failed", jobId, result, reason: reason ?? "" }),
        (error: unknown) => {
          closing = null;
          if (isSaaSLLMError(error)) store.setState({ status: "error", jobId, error });
          throw error;
        },
      );
    return closing;
  }

  const handle: JobHandle = {
    get jobId() {
      return store.getState().jobId;
    },
    ensureJob: () => start(),
    reportCallError: (error) => void (lastCallError = error),
    reportCallSuccess: () => void (lastCallError = null),
  };

  return {
    store,
    handle,
    start,
    /** Completes as `completed`, or as `failed` when the job's last call failed. */
    complete: (metadata?: JsonObject) => (lastCallError ? close("failed", `${lastCallError.kind}: ${lastCallError.message}`, metadata) : close("completed", undefined, metadata)),
    fail: (reason: string) => close("failed", reason),
    /** Unmount: a job still open (or being created) is completed as failed. */
    abandon: async () => {
      abandoned = true;
      if (creating) await creating.catch(() => undefined);
      const { status } = store.getState();
      if (status === "active" || (status === "error" && store.getState().jobId)) await close("failed", "Abandoned: the component that owned the job unmounted").catch(() => undefined);
    },
    get lastCallError() {
      return lastCallError;
    },
  };
}

export type JobController = ReturnType<typeof createJobController>;
