/** Test controls for one team (status, credits, key, models). */
import { recordTransaction, remaining, type SimState, type SimTeam } from "./state";
import type { TeamControl } from "./types";

/** Controls for `teamId`; `getState` follows `reset()`. Throws for a team the simulator does not know. */
export function createTeamControl(getState: () => SimState, teamId: string): TeamControl {
  const team = (): SimTeam => {
    const found = getState().teams.get(teamId);
    if (!found) throw new Error(`Simulator has no team '${teamId}'`);
    return found;
  };
  team();
  const touch = (t: SimTeam): void => {
    t.updatedAt = Date.now();
  };
  return {
    suspend: () => touch(Object.assign(team(), { status: "suspended" as const })),
    pause: () => touch(Object.assign(team(), { status: "paused" as const })),
    resume: () => touch(Object.assign(team(), { status: "active" as const })),
    setCredits(n) {
      const t = team();
      const before = remaining(t);
      t.allocated = t.used + n;
      touch(t);
      if (n !== before) recordTransaction(getState(), t, null, "allocation", n - before, before, "Set by test");
    },
    credits: () => remaining(team()),
    status: () => team().status,
    revokeKey: () => touch(Object.assign(team(), { virtualKey: null })),
    rotateKey: (newKey) => touch(Object.assign(team(), { virtualKey: newKey })),
    allowModels: (models) => touch(Object.assign(team(), { models: [...models] })),
  };
}
