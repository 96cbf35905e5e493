import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { SaaSLLMError } from "../../core/SaaSLLMError";
import { useEffect } from "react";
import type { CreditBalance } from "../../core/types";
import type { RequiresClient } from "../register";
import { creditsQueryKey } from "../queryKeys";
import { useSaaSLLMContext } from "../SaaSLLMProvider";

export { creditsQueryKey };

/** Options of {@link useCredits}. */
export interface UseCreditsOptions {
  /** At or below this many credits, `isLow` is true. @default 5 */
  lowThreshold?: number;
  /** Poll the balance every N ms (react-query's `refetchInterval`). @default false */
  refetchInterval?: number | false;
  /** @default true */
  enabled?: boolean;
}


/** What {@link useCredits} returns: the balance query plus derived flags. */
export type UseCreditsResult = UseQueryResult<CreditBalance, SaaSLLMError> & {
  balance: CreditBalance | undefined;
  creditsRemaining: number | undefined;
  isLow: boolean;
  isOut: boolean;
};

/**
 * The team's credit balance (E13), with `isLow` / `isOut` flags, so a screen can warn before a call.
 * The upstream server never refuses a call for lack of credits (docs/wire-protocol.md), so this is the
 * reliable way to learn it: when the balance is out, the team-status store says `out-of-credits` too,
 * and `<TeamStatusBanner>` shows it; a positive balance clears that again.
 *
 * @example
 * const { creditsRemaining, isLow, isOut } = useCredits({ lowThreshold: 10, refetchInterval: 60_000 });
 * if (isOut) return <BuyCredits />;
 * return isLow ? <p>Only {creditsRemaining} credits left</p> : null;
 */
export function useCredits({ lowThreshold = 5, refetchInterval = false, enabled = true }: UseCreditsOptions & RequiresClient<"useCredits"> = {}): UseCreditsResult {
  const { client, teamStatus } = useSaaSLLMContext();
  const query = useQuery<CreditBalance, SaaSLLMError>({
    queryKey: creditsQueryKey(client.teamId),
    // One executor per request: the client retries by its own policy (and its `retry` options), react-query does not.
    queryFn: ({ signal }) => client.getCreditBalance({ signal }),
    retry: false,
    refetchInterval,
    enabled,
  });
  const creditsRemaining = query.data?.credits_remaining;
  const isOut = creditsRemaining !== undefined && creditsRemaining <= 0;
  const isLow = creditsRemaining !== undefined && creditsRemaining <= lowThreshold;

  // The balance is one more report of the credits left: the team-status store's one rule applies to it.
  useEffect(() => {
    if (creditsRemaining !== undefined) teamStatus.getState().record({ type: "credits", endpoint: "getCreditBalance", requestId: "", attempt: 0, at: Date.now(), creditApplied: false, creditsRemaining });
  }, [creditsRemaining, teamStatus]);

  return { ...query, balance: query.data, creditsRemaining, isLow, isOut };
}
