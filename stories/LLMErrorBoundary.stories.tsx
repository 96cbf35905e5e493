import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from "react";
import { LLMErrorBoundary, useChatStream, useLLMCall } from "@saas-litellm/react";
import { DEMO_VIRTUAL_KEY } from "@saas-litellm/react/testing";
import { useDemo } from "./support/demo";
import { useOnClientEvents } from "./support/useClientEvents";
import { SCENARIOS, type ScenarioName } from "./support/scenarios";

/** A call with `throwOnError`: on mount it asks the model, and a failure goes to the boundary. */
function AskOnMount({ model, params }: { model: string; params?: Record<string, unknown> }) {
  const call = useLLMCall({ model, maxRetries: 0, throwOnError: true, params });
  const { call: ask } = call;
  useEffect(() => void ask("Say hello to the team"), [ask]);
  return <p className="demo__meta">{call.data ? `Answer: ${call.data.content}` : "Calling…"}</p>;
}

/** A stream that hands interruptions to the boundary too. */
function StreamOnMount({ model }: { model: string }) {
  const chat = useChatStream({ model, throwOnError: () => true });
  const { send } = chat;
  useEffect(() => send("Say hello to the team"), [send]);
  if (chat.status === "done") return <p className="demo__meta">Answer: {chat.text}</p>;
  return <div className="demo__answer" role="region" aria-label="Answer">{chat.text}</div>;
}

/** `<LLMErrorBoundary>` around a failing call; its built-in fallback buttons fix the cause and reset. */
function BoundaryDemo({ scenario }: { scenario: ScenarioName }) {
  const { simulator } = useDemo();
  const [model, setModel] = useState("chat-fast");
  const arranged = useRef(false);
  // The team line re-reads the simulator after the fault is armed and after every call (a fix, a charge).
  const [, arrangedNow] = useReducer((n: number) => n + 1, 0);
  useOnClientEvents();
  // A layout effect runs before the children's passive effects, where the call is made: the fault is armed first.
  useLayoutEffect(() => {
    if (arranged.current || !simulator) return;
    arranged.current = true;
    SCENARIOS[scenario].arrange(simulator, scenario === "interrupted" ? "streamCreateAndCall" : "createAndCall");
    arrangedNow();
  }, [scenario, simulator]);
  const [params, setParams] = useState(SCENARIOS[scenario].params);
  return (
    <div className="demo">
      <LLMErrorBoundary
        resetKeys={[model]}
        onReset={() => setParams(undefined)}
        onReauth={({ resetErrorBoundary }) => (simulator?.team().rotateKey(DEMO_VIRTUAL_KEY), resetErrorBoundary())}
        onAddCredits={({ resetErrorBoundary }) => (simulator?.team().setCredits(100), resetErrorBoundary())}
        onChooseModel={() => setModel("chat-claude")}
        // "Contact support": here the administrator answers at once and restores the team.
        onContactAdmin={({ resetErrorBoundary }) => (simulator?.team().resume(), resetErrorBoundary())}
      >
        {scenario === "interrupted" ? <StreamOnMount model={model} /> : <AskOnMount model={model} params={params} />}
      </LLMErrorBoundary>
      {simulator ? (
        <p className="demo__note" data-testid="team-line">
          Simulator: team {simulator.team().status()}, {simulator.team().credits()} credits, model {model}.
        </p>
      ) : null}
    </div>
  );
}

const meta = {
  title: "Errors/LLMErrorBoundary",
  component: LLMErrorBoundary,
  tags: ["autodocs"],
  args: {},
  // The story wires every prop to the simulator (its fixes reset the boundary); the table documents them.
  argTypes: Object.fromEntries(["children", "fallbacks", "fallbackRender", "onError", "onReset", "resetKeys", "onReauth", "onAddCredits", "onChooseModel", "onContactAdmin"].map((name) => [name, { control: false }])),
  render: (_args, { parameters }) => <BoundaryDemo scenario={parameters.scenario as ScenarioName} />,
  parameters: {
    docs: {
      description: {
        component:
          "Hooks with `throwOnError` hand their `SaaSLLMError` to `<LLMErrorBoundary>`, which shows the state's fallback (here the built-in banner). `Try again`, `Sign in again`, `Add credits`, `Choose another model` and `Contact support` fix the cause on the simulator and reset the boundary.",
      },
    },
  },
} satisfies Meta<typeof LLMErrorBoundary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OutOfCredits: Story = { parameters: { scenario: "out-of-credits" } };
export const TeamSuspended: Story = { parameters: { scenario: "team-suspended" } };
export const TeamPaused: Story = { parameters: { scenario: "team-paused" } };
export const ReAuth: Story = { parameters: { scenario: "re-auth" } };
export const NoModelAccess: Story = { parameters: { scenario: "no-model-access" } };
export const RateLimited: Story = { parameters: { scenario: "rate-limited" } };
export const ServiceUnavailable: Story = { parameters: { scenario: "service-unavailable" } };
export const Network: Story = { parameters: { scenario: "network" } };
export const Interrupted: Story = { parameters: { scenario: "interrupted" } };
export const Validation: Story = { parameters: { scenario: "validation" } };
