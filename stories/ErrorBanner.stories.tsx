import type { Meta, StoryObj } from "@storybook/react-vite";
import { ErrorBanner } from "@saas-litellm/react";
import { SCENARIO_NAMES, type ScenarioName } from "./support/scenarios";
import { useScenarioCall } from "./support/useScenarioCall";

/** The banner for the error of one real call to the simulator, with every handler wired to a real fix. */
function ErrorBannerDemo({ scenario }: { scenario: ScenarioName }) {
  const s = useScenarioCall(scenario);
  return (
    <div className="demo">
      <ErrorBanner error={s.error} onRetry={s.retry} onReauth={s.reauth} onAddCredits={s.addCredits} onChooseModel={s.chooseModel} onContactAdmin={s.contactAdmin} onDismiss={s.dismiss} />
      {s.error?.partialText ? <div className="demo__answer" role="region" aria-label="Partial answer">{s.error.partialText}</div> : null}
      {s.answer !== null ? <p className="demo__meta">Answer: {s.answer}</p> : null}
      {s.pending ? <p className="demo__meta">Calling…</p> : null}
    </div>
  );
}

const meta = {
  title: "Errors/ErrorBanner",
  component: ErrorBannerDemo,
  tags: ["autodocs"],
  argTypes: { scenario: { control: "select", options: SCENARIO_NAMES } },
  parameters: {
    docs: {
      description: {
        component:
          "`<ErrorBanner error={error} onRetry onReauth onAddCredits onChooseModel onDismiss />`: each story scripts a fault on its own simulator, makes one real call and shows the error the client built from the response. The buttons fix the cause and call again.",
      },
    },
  },
} satisfies Meta<typeof ErrorBannerDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OutOfCredits: Story = { args: { scenario: "out-of-credits" } };
export const TeamSuspended: Story = { args: { scenario: "team-suspended" } };
export const TeamPaused: Story = { args: { scenario: "team-paused" } };
export const ReAuth: Story = { args: { scenario: "re-auth" } };
export const NoModelAccess: Story = { args: { scenario: "no-model-access" } };
export const RateLimited: Story = { args: { scenario: "rate-limited" } };
export const ServiceUnavailable: Story = { args: { scenario: "service-unavailable" } };
export const Network: Story = { args: { scenario: "network" } };
export const Interrupted: Story = { args: { scenario: "interrupted" } };
export const Validation: Story = { args: { scenario: "validation" } };
