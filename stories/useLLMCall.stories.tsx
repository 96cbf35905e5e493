import type { Meta, StoryObj } from "@storybook/react-vite";
import { ErrorBanner, useCountdown, useLLMCall } from "@saas-litellm/react";
import { FaultPanel, type FaultAction } from "./support/FaultPanel";

const CALL = "createAndCall";

/** One call as a react-query mutation; retries follow the API's policy and are visible while they wait. */
function LLMCallDemo({ maxRetries = 3, faults }: { maxRetries?: number; faults: FaultAction[] }) {
  const call = useLLMCall({ model: "chat-fast", maxRetries });
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

const meta = {
  title: "Hooks/useLLMCall",
  component: LLMCallDemo,
  args: { maxRetries: 3, faults: [] },
  argTypes: { faults: { table: { disable: true } }, maxRetries: { control: { type: "number", min: 0, max: 5 } } },
} satisfies Meta<typeof LLMCallDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Arm "503 twice", then call: attempts 1 and 2 fail, the third succeeds (1 s, then 2 s backoff). */
export const Retry503: Story = {
  args: {
    faults: [
      { label: "503 twice", run: (sim) => sim.script.next(CALL, { status: 503 }, { times: 2 }) },
      { label: "503 four times (gives up)", run: (sim) => sim.script.next(CALL, { status: 503 }, { times: 4 }) },
    ],
  },
};

/** Arm "429, Retry-After 3 s", then call: the wait comes from the header, and is counted down. */
export const RateLimited429: Story = {
  args: {
    faults: [
      { label: "429, Retry-After 3 s", run: (sim) => sim.script.next(CALL, { status: 429, detail: "Rate limit exceeded", headers: { "Retry-After": "3" } }) },
      { label: "Network error", run: (sim) => sim.script.next(CALL, { networkError: true }) },
    ],
  },
};

/** No automatic retries: a 429 lands in `<ErrorBanner>`, whose button counts down before it enables. */
export const RateLimitedNoRetry: Story = {
  args: { ...RateLimited429.args, maxRetries: 0 },
};
