/** E16 team info (no auth, returns the virtual key) and E17 model-group resolve (legacy groups only). */
import { ACTUAL_MODELS } from "../constants";
import type { Handler } from "../context";
import { guessProvider } from "../modelCall";
import { detailResponse, jsonResponse } from "../responses";
import type { SimState } from "../state";
import { missingQuery } from "../validation";
import { creditAccountWire } from "./credits";

/** E16, answered before auth: there is no top-level `status`, it is `credits.status` (contract §9 row 16). */
export function teamInfo(state: SimState, teamId: string): Response {
  const team = state.teams.get(teamId);
  if (!team) return detailResponse(404, `Team '${teamId}' not found`);
  const account = creditAccountWire(state, team);
  return jsonResponse(200, {
    team_id: team.teamId,
    organization_id: team.organizationId,
    credits: account,
    access_groups: [],
    allowed_model_aliases: team.models.filter((m) => m in state.models).sort(),
    virtual_key: team.virtualKey,
    credits_allocated: account.credits_allocated,
    credits_remaining: account.credits_remaining,
  });
}

/** Legacy model groups: names some team may use that are not aliases. */
const isModelGroup = (state: SimState, name: string): boolean =>
  !(name in state.models) && [...state.teams.values()].some((t) => t.models.includes(name));

/** E17: an alias or an unknown name is a 404; a group the team lacks is a 200 with `team_has_access: false`. */
export const resolveModelGroup: Handler = (ctx) => {
  const teamId = ctx.query.get("team_id");
  if (teamId === null) return detailResponse(422, [missingQuery("team_id")]);
  if (teamId !== ctx.team.teamId) return detailResponse(403, "Cannot resolve model group for a different team");
  const name = ctx.param;
  if (!isModelGroup(ctx.state, name)) return detailResponse(404, `Model group '${name}' not found`);
  if (!ctx.team.models.includes(name)) {
    const error = `Team '${teamId}' does not have access to model group '${name}'`;
    return jsonResponse(200, { group_name: name, primary_model: null, fallback_models: [], team_has_access: false, error });
  }
  return jsonResponse(200, { group_name: name, primary_model: ACTUAL_MODELS[guessProvider(name)], fallback_models: [], team_has_access: true });
};
