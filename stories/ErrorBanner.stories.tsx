import type { Meta, StoryObj } from "@storybook/react-vite";
import { ErrorBanner, type ErrorBannerHandlers } from "@saas-litellm/react";
import type { ScenarioName } from "./support/scenarios";
import { useScenarioCall } from "./support/useScenarioCall";

/** The banner for the error of one real call to the simulator, with every handler wired to a real fix. */
function ErrorBannerDemo({ scenario, ...props }: Omit<ErrorBannerHandlers, "onRetry" | "onReauth" | "onAddCredits" | "onChooseModel" | "onContactAdmin" | "onDismiss"> & { scenario: ScenarioName }) {
  const s = useScenarioCall(scenario);
  return (
    <div className="demo">
      <ErrorBanner {...props} error={s.error} onRetry={s.retry} onReauth={s.reauth} onAddCredits={s.addCredits} onChooseModel={s.chooseModel} onContactAdmin={s.contactAdmin} onDismiss={s.dismiss} />
      {s.error?.partialText ? <div className="demo__answer" role="region" aria-label="Partial answer">{s.error.partialText}</div> : null}
      {s.answer !== null ? <p className="demo__meta">Answer: {s.answer}</p> : null}
      {s.pending ? <p className="demo__meta">Calling…</p> : null}
    </div>
  );
}

/** Props the story sets itself (from the simulator's answer and its fixes): shown in the table, not as controls. */
const FROM_THE_CALL = ["error", "state", "onRetry", "onReauth", "onAddCredits", "onChooseModel", "onContactAdmin", "onDismiss", "onContinue"];

const meta = {
  title: "Errors/ErrorBanner",
  component: ErrorBanner,
  tags: ["autodocs"],
  args: { error: null, accountErrors: "inline", className: "" },
  argTypes: {
    ...Object.fromEntries(FROM_THE_CALL.map((name) => [name, { control: false }])),
    accountErrors: { control: "inline-radio", options: ["inline", "team-banner"] },
  },
  // Each story scripts its fault (parameters.scenario); the controls' props go to the banner as given.
  render: ({ accountErrors, className }, { parameters }) => <ErrorBannerDemo scenario={parameters.scenario as ScenarioName} accountErrors={accountErrors} className={className} />,
  parameters: {
    docs: {
      description: {
        component:
          "Shows one error in plain language with the next step as a button. Each story scripts a fault on its own simulator, makes one real call and passes the error the client built from the response; the buttons fix the cause and call again. Try `accountErrors: team-banner` on an account-wide state: the banner steps aside for `<TeamStatusBanner>`.",
      },
    },
  },
} satisfies Meta<typeof ErrorBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

const story = (scenario: ScenarioName): Story => ({ parameters: { scenario } });

export const OutOfCredits = story("out-of-credits");
export const TeamSuspended = story("team-suspended");
export const TeamPaused = story("team-paused");
export const ReAuth = story("re-auth");
export const NoModelAccess = story("no-model-access");
export const RateLimited = story("rate-limited");
export const ServiceUnavailable = story("service-unavailable");
export const Network = story("network");
export const Interrupted = story("interrupted");
export const Validation = story("validation");
