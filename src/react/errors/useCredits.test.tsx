// @vitest-environment jsdom
import { QueryClient, useQueryClient } from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DEMO_TEAM_ID } from "../../testing/index";
import { TeamStatusBanner } from "../components/TeamStatusBanner";
import { startSim, withProviders } from "../../../test/fixtures/simulatorFixture";
import { creditsQueryKey, useCredits } from "./useCredits";

let refetch: () => Promise<unknown> = async () => {};

function Credits({ lowThreshold }: { lowThreshold?: number }) {
  const credits = useCredits({ lowThreshold });
  const queryClient = useQueryClient();
  refetch = () => queryClient.invalidateQueries({ queryKey: creditsQueryKey(DEMO_TEAM_ID) });
  if (credits.isPending) return <p>Loading credits…</p>;
  return <p>{`${credits.creditsRemaining} left${credits.isLow ? ", low" : ""}${credits.isOut ? ", out" : ""}`}</p>;
}

describe("useCredits", () => {
  it("reads the balance and flags low and out, feeding the team-status banner", async () => {
    const { simulator, client } = await startSim();
    simulator.team().setCredits(8);
    const Providers = withProviders(client, new QueryClient());
    render(
      <Providers>
        <TeamStatusBanner />
        <Credits lowThreshold={10} />
      </Providers>,
    );
    expect(await screen.findByText("8 left, low")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();

    simulator.team().setCredits(0);
    await act(() => refetch());
    expect(await screen.findByText("0 left, low, out")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/out of credits/i);

    simulator.team().setCredits(50);
    await act(() => refetch());
    expect(await screen.findByText("50 left")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
    expect(simulator.requestsTo("getCreditBalance")).toHaveLength(3);
  });
});
