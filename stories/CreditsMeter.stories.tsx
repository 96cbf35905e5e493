import type { Meta, StoryObj } from "@storybook/react-vite";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { creditsQueryKey, CreditsMeter, useSaaSLLMClient } from "@saas-litellm/react";
import { useDemo } from "./support/demo";

/** The meter on a team that starts with `credits`; "Add credits" tops the simulator's team up to 100. */
function CreditsDemo({ credits, lowThreshold = 10 }: { credits: number; lowThreshold?: number }) {
  const { simulator } = useDemo();
  const teamId = useSaaSLLMClient().teamId;
  const queryClient = useQueryClient();
  // Before the meter's first read: the balance the story is about.
  useState(() => simulator?.team().setCredits(credits));
  const addCredits = () => {
    simulator?.team().setCredits(100);
    void queryClient.invalidateQueries({ queryKey: creditsQueryKey(teamId) });
  };
  return (
    <div className="demo" style={{ maxWidth: "28rem" }}>
      {/* The plan's size as the scale: the simulator records a set balance as the whole allocation. */}
      <CreditsMeter lowThreshold={lowThreshold} max={100} onAddCredits={addCredits} />
    </div>
  );
}

const meta = {
  title: "Components/CreditsMeter",
  component: CreditsDemo,
  args: { credits: 100 },
  parameters: {
    docs: { description: { component: "`<CreditsMeter>`: the team's credits as an accessible meter, with the low and out-of-credits states and the Add credits action." } },
  },
} satisfies Meta<typeof CreditsDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Plenty: Story = {};
export const Low: Story = { args: { credits: 4 } };
export const Out: Story = { args: { credits: 0 } };
