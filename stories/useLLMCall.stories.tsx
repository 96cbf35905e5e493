import type { Meta, StoryObj } from "@storybook/react-vite";
import { ErrorBanner, useCountdown, useLLMCall, type UseLLMCallOptions } from "@saas-litellm/react";
import { FaultPanel, type FaultAction } from "./support/FaultPanel";
import { NOT_CONTROLS, UseLLMCallOptions as Options } from "./support/hookOptions";

const CALL = "createAndCall";

/** One call as a react-query mutation; retries follow the API's policy and are visible while they wait. */
function LLMCallDemo({ faults, ...options }: UseLLMCallOptions & { faults: FaultAction[] }) {
  const call = useLLMCall(options);
  const maxRetries = options.maxRetries ?? 3;
  const waitS = useCountdown(undefined, call.nextRetryAt, call.nextRetryAt ?? undefined);
  // While pending, the attempt under way; once answered, how many it took (react-query resets failureCount).
  const attempt = call.isPending ? call.failureCount + 1 : (call.data?.attempts ?? 1);
  const ask = () => void call.call("Summarize why retries need backoff");
  return (
    <div className="demo">
      <div className="demo__row">
        <button type="button" onClick={ask} disabled={call.isPending}>
          Call the model
        </button>
        <button type="button" onClick={call.reset}>
          Reset
        </button>
      </div>
      <p className="demo__meta" role="status" data-testid="progress">
        {call.isPending ? `Attempt ${attempt} of ${maxRetries + 1}${call.nextRetryAt !== null ? ` — retrying in ${waitS} s` : "…"}` : call.isSuccess ? `Succeeded after ${attempt} attempt${attempt === 1 ? "" : "s"}` : call.isError ? "Failed" : "Idle"}
      </p>
      {call.failureReason && call.isPending ? <p className="demo__meta">Last failure: {call.failureReason.kind} ({call.failureReason.status ?? "no status"})</p> : null}
      {call.data ? <p className="demo__answer">{call.data.content}</p> : null}
      <ErrorBanner error={call.error} onRetry={ask} />
      <FaultPanel actions={faults} />
    </div>
  );
}

/** Typed fault buttons for a story's parameters (parameters are untyped). */
const faultList = (faults: FaultAction[]) => faults;

const meta = {
  title: "Hooks/useLLMCall",
  component: Options,
  args: { model: "chat-fast", maxRetries: 3 },
  argTypes: { ...Object.fromEntries(NOT_CONTROLS.map((name) => [name, { control: false }])), maxRetries: { control: { type: "number", min: 0, max: 5 } } },
  // The controls are `useLLMCall`'s options; each story's fault buttons are its `parameters.faults`.
  render: (options, { parameters }) => <LLMCallDemo {...options} faults={(parameters.faults as FaultAction[] | undefined) ?? []} />,
} satisfies Meta<typeof Options>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Arm "503 twice", then call: attempts 1 and 2 fail, the third succeeds (1 s, then 2 s backoff). */
export const Retry503: Story = {
  parameters: {
    faults: faultList([
      { label: "503 twice", run: (sim) => sim.script.next(CALL, { status: 503 }, { times: 2 }) },
      { label: "503 four times (gives up)", run: (sim) => sim.script.next(CALL, { status: 503 }, { times: 4 }) },
    ]),
  },
};

/** Arm "429, Retry-After 3 s", then call: the wait comes from the header, and is counted down. */
export const RateLimited429: Story = {
  parameters: {
    faults: faultList([
      { label: "429, Retry-After 3 s", run: (sim) => sim.script.next(CALL, { status: 429, detail: "Rate limit exceeded", headers: { "Retry-After": "3" } }) },
      { label: "Network error", run: (sim) => sim.script.next(CALL, { networkError: true }) },
    ]),
  },
};

/** No automatic retries: a 429 lands in `<ErrorBanner>`, whose button counts down before it enables. */
export const RateLimitedNoRetry: Story = {
  parameters: RateLimited429.parameters,
  args: { maxRetries: 0 },
};
