import type { CallAttempts } from "./transport";
/** Per-call options every client method takes. */
export interface CallOptions {
  signal?: AbortSignal;
  /** false: no client-side retry for this call (hooks retry through react-query instead). */
  retry?: boolean;
  /** Reuse one key across your own retries of the same logical call. */
  idempotencyKey?: string;
  /**
   * Retries run by your own retryer (react-query's): each call makes one attempt under the call's correlation
   * id and budget, decides with the client's policy, and throws; read the decision with `verdictOf(error)`.
   */
  attempts?: CallAttempts;
}
