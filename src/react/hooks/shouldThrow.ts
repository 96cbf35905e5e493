import type { SaaSLLMError } from "../../core/SaaSLLMError";

/** A hook's `throwOnError` option, as in TanStack Query: a boolean, or a function that decides per error. */
export type ThrowOnError = boolean | ((error: SaaSLLMError) => boolean);

/** Whether `error` goes to the nearest error boundary. Aborts never do. */
export function shouldThrow(throwOnError: ThrowOnError | undefined, error: SaaSLLMError | null | undefined): error is SaaSLLMError {
  if (!error || error.kind === "aborted") return false;
  return typeof throwOnError === "function" ? throwOnError(error) : throwOnError === true;
}
