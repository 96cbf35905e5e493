import { useMemo } from "react";
import type { ErrorState } from "../../core/ui/errorStateTypes";
import { errorStateOf } from "../../core/ui/errorStateOf";

/**
 * {@link errorStateOf}, memoized per error: stable across renders so it can feed effects and memos.
 *
 * @example
 * const { error } = useLLMCall(options);
 * const view = useErrorState(error);
 * return view?.action === "add-credits" ? <TopUp /> : null;
 */
export function useErrorState(error: unknown): ErrorState | null {
  return useMemo(() => errorStateOf(error), [error]);
}
