import type { Meta, StoryObj } from "@storybook/react-vite";
import { ErrorBanner, TeamStatusBanner, toErrorState, useLLMCall, type SaaSLLMError } from "@saas-litellm/react";
import { DEMO_VIRTUAL_KEY } from "@saas-litellm/react/testing";
import { useDemo } from "./support/demo";
import { FaultPanel, type FaultAction } from "./support/FaultPanel";

const ADMIN: FaultAction[] = [
  { label: "Suspend team", run: (sim) => sim.team().suspend() },
  { label: "Pause team", run: (sim) => sim.team().pause() },
  { label: "Use up credits", run: (sim) => sim.team().setCredits(0) },
  { label: "Revoke key", run: (sim) => sim.team().revokeKey() },
  { label: "Restore team", run: (sim) => (sim.team().resume(), sim.team().setCredits(100), sim.team().rotateKey(DEMO_VIRTUAL_KEY)) },
];

/** Where the failed call's error is shown: the team notice above for account errors, its own banner below otherwise. */
function failedText(error: SaaSLLMError): string {
  return toErrorState(error).accountWide ? "The call failed: the notice above says why." : "The call failed: its own error is shown below.";
}

/** The banner sits at the top of the app; any call anywhere that learns the team's status updates it. */
function TeamStatusDemo({ className }: { className?: string }) {
  const { simulator } = useDemo();
  const call = useLLMCall({ model: "chat-fast", maxRetries: 0 });
  // What the real fix does, done in the simulator; then the call is made again.
  const fix = (apply: (sim: NonNullable<typeof simulator>) => void) => () => (simulator && apply(simulator), void call.call("Hello"));
  return (
    <div className="demo">
      <TeamStatusBanner
        className={className}
        onReauth={fix((sim) => sim.team().rotateKey(DEMO_VIRTUAL_KEY))}
        onAddCredits={fix((sim) => sim.team().setCredits(100))}
        onContactAdmin={fix((sim) => sim.team().resume())}
      />
      <div className="demo__row">
        <button type="button" onClick={() => void call.call("Hello")} disabled={call.isPending}>
          Make a call
        </button>
        <span className="demo__meta" role="status">
          {call.isPending ? "Calling…" : call.data ? `Answer: ${call.data.content?.slice(0, 60)}…` : call.error ? failedText(call.error) : "No call yet."}
        </span>
      </div>
      {/* Account errors are the banner's; this one shows only what is particular to the call. */}
      <ErrorBanner error={call.error} accountErrors="team-banner" onRetry={() => void call.call("Hello")} />
      <FaultPanel actions={ADMIN} />
    </div>
  );
}

const meta = {
  title: "Errors/TeamStatusBanner",
  component: TeamStatusBanner,
  tags: ["autodocs"],
  args: { className: "" },
  argTypes: { onReauth: { control: false }, onAddCredits: { control: false }, onContactAdmin: { control: false }, render: { control: false } },
  render: ({ className }) => <TeamStatusDemo className={className} />,
  parameters: {
    docs: {
      description: {
        component:
          "Reads the provider's team-status store: suspend the team (as an admin would), make a call, and the banner appears; restore the team and the next successful call clears it. Its buttons fix the cause on the simulator and call again.",
      },
    },
  },
} satisfies Meta<typeof TeamStatusBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Press "Suspend team", then "Make a call". */
export const ReactsToSuspension: Story = {};
