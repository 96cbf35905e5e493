/** Per-call options every client method takes. */
export interface CallOptions {
  signal?: AbortSignal;
  /** false: no client-side retry for this call (hooks retry through react-query instead). */
  retry?: boolean;
  /** Reuse one key across your own retries of the same logical call. */
  idempotencyKey?: string;
}
