import { createStore } from "zustand/vanilla";
import type { JobClosedBy } from "../../core/clientEvents";
import type { SaaSLLMJobsClient } from "../../core/createJobsClient";
import { abortError } from "../../core/errorFactories";
import { closeReasonOf } from "../../core/jobs/closeReason";
import { isSaaSLLMError, type SaaSLLMError } from "../../core/SaaSLLMError";
import type { CreateJobInput, JsonObject } from "../../core/types";
import type { JobState } from "./jobState";

/** What a job controller needs of a client (any composed client has it). */
type JobClient = Pick<SaaSLLMJobsClient, "createJob" | "completeJob">;

export interface JobControllerOptions {
  /** @default "chat" */
  jobType?: string;
  userId?: string;
  metadata?: JsonObject;
}

/** What one controller keeps between calls. */
interface JobSlot {
  store: ReturnType<typeof createJobStore>;
  creating: Promise<string> | null;
  closing: Promise<void> | null;
  lastCallError: SaaSLLMError | null;
  abandoned: boolean;
}

const createJobStore = () => createStore<JobState>()(() => ({ status: "idle", jobId: null }));

async function startJob(slot: JobSlot, client: JobClient, { jobType = "chat", userId, metadata }: JobControllerOptions, input: Partial<CreateJobInput>): Promise<string> {
  // After its owner unmounted nothing may open a job that nobody would ever complete.
  if (slot.abandoned) throw abortError({ endpoint: "createJob" }, "The component that owned the job unmounted");
  const state = slot.store.getState();
  if (state.status === "active") return state.jobId;
  if (slot.creating) return slot.creating;
  slot.store.setState({ status: "creating", jobId: null });
  slot.closing = null;
  slot.lastCallError = null;
  slot.creating = client
    .createJob({ job_type: jobType, user_id: userId, metadata, ...input })
    .then(
      ({ job_id }) => (slot.store.setState({ status: "active", jobId: job_id }), job_id),
      (error: SaaSLLMError) => {
        slot.store.setState({ status: "error", jobId: null, error });
        throw error;
      },
    )
    .finally(() => (slot.creating = null));
  return slot.creating;
}

async function closeJob(slot: JobSlot, client: JobClient, status: "completed" | "failed", reason?: string, metadata?: JsonObject, closedBy?: JobClosedBy): Promise<void> {
  // complete() while the job is being created completes it once it exists.
  if (slot.creating) await slot.creating.catch(() => undefined);
  if (slot.closing) return slot.closing;
  const { store } = slot;
  const state = store.getState();
  const jobId = state.jobId;
  if (!jobId || state.status === "completed" || state.status === "failed") return;
  store.setState({ status: "completing", jobId });
  // The client's closer sends complete at most once per job (and reads an unsaid closedBy as "app") and reads the job first after a failed attempt.
  slot.closing = client.completeJob(jobId, { status, ...(reason ? { error_message: reason } : {}), ...(metadata ? { metadata } : {}) }, { closedBy }).then(
    (result) => store.setState(result.status === "completed" ? { status: "completed", jobId, result } : { status: "failed", jobId, result, reason: reason ?? "" }),
    (error: unknown) => {
      slot.closing = null;
      if (isSaaSLLMError(error)) store.setState({ status: "error", jobId, error });
      throw error;
    },
  );
  return slot.closing;
}

/**
 * The framework-free owner of one job's life behind `useJob` (create on demand, calls report to it, close once). It never leaves a job open by accident; complete goes through
 * the client's closer, so it is sent at most once per job (the upstream flips the charge on a repeated complete).
 */
export function createJobController(getClient: () => JobClient, getOptions: () => JobControllerOptions) {
  const slot: JobSlot = { store: createJobStore(), creating: null, closing: null, lastCallError: null, abandoned: false };
  const { store } = slot;
  const start = (input: Partial<CreateJobInput> = {}) => startJob(slot, getClient(), getOptions(), input);
  const close = (status: "completed" | "failed", reason?: string, metadata?: JsonObject, closedBy?: JobClosedBy) => closeJob(slot, getClient(), status, reason, metadata, closedBy);

  return {
    store,
    start,
    /** Completes as `completed`, or as `failed` when the job's last call failed. */
    complete: (metadata?: JsonObject) => (slot.lastCallError ? close("failed", closeReasonOf(slot.lastCallError), metadata) : close("completed", undefined, metadata)),
    fail: (reason: string) => close("failed", reason),
    /** What calls given the job report to (see `JobHandle`). */
    ensureJob: () => start(),
    reportCallError: (error: SaaSLLMError) => void (slot.lastCallError = error),
    reportCallSuccess: () => void (slot.lastCallError = null),
    /**
     * Unmount: a job still open (or being created) is completed as failed. `close` waits for a creation, skips a
     * job that is closed or has none, and shares a complete already under way.
     */
    abandon: () => {
      slot.abandoned = true;
      return close("failed", "Abandoned: the component that owned the job unmounted", undefined, "unmount").catch(() => undefined);
    },
  };
}

export type JobController = ReturnType<typeof createJobController>;
