import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { TeamStatusState } from "./teamStatusStore";
import { useSaaSLLMContext } from "./SaaSLLMProvider";

/** What {@link useTeamStatus} returns: the team's account status, from every call of the provider's client. */
export type UseTeamStatusResult = Pick<TeamStatusState, "status" | "endpoint" | "since" | "creditsRemaining"> & {
  /** Back to `ok`, e.g. after the key changed. */
  clear(): void;
};

/**
 * The team's account status (`ok`, `re-auth`, `team-suspended`, `team-paused`, `out-of-credits`) as the
 * provider's client last learned it, whichever component's call found out. Re-renders only when it changes.
 *
 * @example
 * const { status } = useTeamStatus();
 * if (status === "out-of-credits") return <BuyCredits />;
 */
export function useTeamStatus(): UseTeamStatusResult {
  const { teamStatus } = useSaaSLLMContext();
  return useStore(teamStatus, useShallow(({ status, endpoint, since, creditsRemaining, clear }) => ({ status, endpoint, since, creditsRemaining, clear })));
}
