import type { ErrorAction, ErrorStateName } from "./errorStateTypes";

/** The states that hold for every call of the team, not just the one that failed (one banner can say them). */
export type AccountState = "re-auth" | "out-of-credits" | "team-suspended" | "team-paused";
type AccountKind = "unauthorized" | "insufficient_credits" | "team_suspended" | "team_paused";

/** The error kind that puts a team in each account state, and the one action that gets it out. */
export const ACCOUNT_STATES: Record<AccountKind, [AccountState, ErrorAction]> = {
  unauthorized: ["re-auth", "sign-in"],
  insufficient_credits: ["out-of-credits", "add-credits"],
  team_suspended: ["team-suspended", "contact-admin"],
  team_paused: ["team-paused", "contact-admin"],
};

/** The account state and action of a state name, or undefined for a state of one call. */
export const accountStateOf = (name: ErrorStateName | string): [AccountState, ErrorAction] | undefined => Object.values(ACCOUNT_STATES).find(([state]) => state === name);
