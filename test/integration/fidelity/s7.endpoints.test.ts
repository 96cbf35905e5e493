import { describe, expect, it } from "vitest";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../../src/testing/index";
import { BASE, direct } from "./kit";

const TEAMS = [{ teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY, models: ["chat-fast", "chat-claude", "legacy-gpt"], credits: 40 }];

describe("§7 Endpoints the simulator lacked", () => {
  it("§7 GET /api/teams/{team_id}: team info with its credits block (the client drops the virtual key)", async () => {
    const { sim, client } = direct({ teams: TEAMS });
    sim.team().suspend();
    // No auth on the server, and the key comes back: a backend-only endpoint.
    const raw = (await (await sim.fetch(new Request(`${BASE}/api/teams/${DEMO_TEAM_ID}`))).json()) as Record<string, unknown>;
    expect(raw).toMatchObject({ team_id: DEMO_TEAM_ID, virtual_key: DEMO_VIRTUAL_KEY, credits: { status: "suspended" } });
    expect(raw).not.toHaveProperty("status");
    const info = await client.getTeamInfo();
    expect(info).toMatchObject({ team_id: DEMO_TEAM_ID, allowed_model_aliases: ["chat-claude", "chat-fast"], credits_allocated: 40, credits_remaining: 40 });
    expect(info.credits).toMatchObject({ status: "suspended", credits_remaining: 40 });
    expect(JSON.stringify(info)).not.toContain(DEMO_VIRTUAL_KEY);
    const missing = await sim.fetch(new Request(`${BASE}/api/teams/team-nobody`));
    expect([missing.status, await missing.json()]).toEqual([404, { detail: "Team 'team-nobody' not found" }]);
  });

  it("§7 GET /api/model-groups/{name}/resolve?team_id=: 404 `Model group '<name>' not found` for an unknown group or an alias", async () => {
    const { client } = direct({ teams: [...TEAMS, { teamId: "team-b", virtualKey: "sk-sim-b-00000000", models: ["legacy-claude"] }] });
    await expect(client.resolveModelGroup("chat-fast")).rejects.toMatchObject({ kind: "not_found", detail: "Model group 'chat-fast' not found" });
    await expect(client.resolveModelGroup("nope")).rejects.toMatchObject({ kind: "not_found", detail: "Model group 'nope' not found" });
    expect(await client.resolveModelGroup("legacy-gpt")).toEqual({ group_name: "legacy-gpt", primary_model: "gpt-4o-mini-2024-07-18", fallback_models: [], team_has_access: true });
    expect(await client.resolveModelGroup("legacy-claude")).toEqual({
      group_name: "legacy-claude",
      primary_model: null,
      fallback_models: [],
      team_has_access: false,
      error: `Team '${DEMO_TEAM_ID}' does not have access to model group 'legacy-claude'`,
    });
  });
});
