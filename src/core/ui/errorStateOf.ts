import { isSaaSLLMError } from "../SaaSLLMError";
import type { ErrorState } from "./errorStateTypes";
import { toErrorState } from "./toErrorState";

/**
 * The error state to show for any thrown or stored value, or `null` when there is nothing to show:
 * not a SaaSLLMError (null, undefined, a foreign error), or an `aborted` request.
 *
 * @example
 * const view = errorStateOf(query.error);
 * if (view) return <ErrorBanner state={view} onRetry={() => query.refetch()} />;
 */
export function errorStateOf(value: unknown): ErrorState | null {
  if (!isSaaSLLMError(value)) return null;
  const view = toErrorState(value);
  return view.state === "aborted" ? null : view;
}
