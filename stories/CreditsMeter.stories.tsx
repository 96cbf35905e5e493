import type { Meta, StoryObj } from "@storybook/react-vite";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { creditsQueryKey, CreditsMeter, useSaaSLLMClient, type CreditsMeterProps } from "@saas-litellm/react";
import { useDemo } from "./support/demo";

/** The meter on a team that starts with `credits`; "Add credits" tops the simulator's team up to 100. */
function CreditsDemo({ credits, ...props }: Omit<CreditsMeterProps, "onAddCredits"> & { credits: number }) {
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
      <CreditsMeter {...props} onAddCredits={addCredits} />
    </div>
  );
}

const meta = {
  title: "Components/CreditsMeter",
  component: CreditsMeter,
  tags: ["autodocs"],
  args: { lowThreshold: 10, max: 100, label: "Credits", className: "" },
  argTypes: { onAddCredits: { control: false }, render: { control: false }, refetchInterval: { control: "number" } },
  // The team's starting balance is the story's (parameters.credits); the controls' props go to the meter.
  render: (args, { parameters }) => <CreditsDemo {...args} credits={(parameters.credits as number | undefined) ?? 100} />,
  parameters: {
    docs: { description: { component: "The team's credits as an accessible meter, with the low and out-of-credits states and the Add credits action (here it tops the simulator's team up to 100)." } },
  },
} satisfies Meta<typeof CreditsMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Plenty: Story = {};
export const Low: Story = { parameters: { credits: 4 } };
export const Out: Story = { parameters: { credits: 0 } };
