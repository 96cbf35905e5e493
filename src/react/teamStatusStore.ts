import { createStore } from "zustand/vanilla";
import type { ClientEvent } from "../core/clientEvents";
import { ACCOUNT_STATES, type AccountState } from "../core/ui/accountStates";

/** Account-level states that affect every call of the team, not just the one that failed. */
export type TeamStatus = "ok" | AccountState;

export interface TeamStatusState {
  status: TeamStatus;
  /** The endpoint whose answer set the status. */
  endpoint?: string;
  /** ms since epoch of that answer. */
  since?: number;
  /** Credits left as last reported by the server, when known. */
  creditsRemaining?: number;
  /** Feed one client event. */
  record(event: ClientEvent): void;
  /** Back to `ok`, e.g. after the key changed. */
  clear(): void;
}

/**
 * A zustand vanilla store of the team's account status, fed by every call of one client, so one banner
 * anywhere can show "suspended" or "out of credits" whichever component's call found out.
 */
export function createTeamStatusStore() {
  return createStore<TeamStatusState>()((set, get) => ({
    status: "ok",
    record(event) {
      if (event.type === "error") {
        const account = ACCOUNT_STATES[event.kind as keyof typeof ACCOUNT_STATES];
        if (account) set({ status: account[0], endpoint: event.endpoint, since: event.at });
        return;
      }
      if (event.type === "credits") {
        const { creditsRemaining, endpoint, at: since } = event;
        const out = !event.creditApplied && creditsRemaining <= 0;
        const { status } = get();
        // Only between ok and out-of-credits: a suspension or a rejected key is a stronger signal.
        const flips = out ? status === "ok" : status === "out-of-credits";
        set(flips ? { status: out ? "out-of-credits" : "ok", endpoint, since, creditsRemaining } : { creditsRemaining });
        return;
      }
      // Any accepted authenticated call proves the key works and the team is active.
      if ((event.type === "response" || event.type === "stream-start") && event.endpoint !== "health") {
        const { status } = get();
        // Out of credits clears only on an LLM call (llmCall, streamLLMCall, createAndCall, streamCreateAndCall):
        // on the documented server a call at 0 credits is refused; once accepted, credits are back.
        if (status !== "ok" && (status !== "out-of-credits" || event.endpoint.endsWith("Call"))) set({ status: "ok", endpoint: event.endpoint, since: event.at });
      }
    },
    clear() {
      set({ status: "ok", endpoint: undefined, since: undefined });
    },
  }));
}

export type TeamStatusStore = ReturnType<typeof createTeamStatusStore>;
