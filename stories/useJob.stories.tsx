import type { Meta, StoryObj } from "@storybook/react-vite";
import { ErrorBanner, useJob, useLLMCall, type UseJobOptions } from "@saas-litellm/react";
import { FaultPanel, type FaultAction } from "./support/FaultPanel";
import { NOT_CONTROLS, UseJobOptions as Options } from "./support/hookOptions";

const FAULTS: FaultAction[] = [{ label: "Next call fails (503)", run: (sim) => sim.script.next("llmCall", { status: 503 }) }];

/** A job's lifecycle: start, calls inside it, complete (as failed when its last call failed), then costs. */
function JobDemo(options: UseJobOptions) {
  const job = useJob(options);
  const call = useLLMCall({ job, model: "chat-fast", maxRetries: 0 });
  const done = job.status === "completed" || job.status === "failed";
  return (
    <div className="demo">
      <div className="demo__row">
        <button type="button" onClick={() => void job.start()} disabled={job.status !== "idle"}>
          Start job
        </button>
        <button type="button" onClick={() => void call.call("Summarize this paragraph")} disabled={done || call.isPending}>
          Call the model
        </button>
        <button type="button" onClick={() => void job.complete()} disabled={!job.isActive}>
          Complete job
        </button>
      </div>
      <dl aria-label="Job">
        <dt>Hook state</dt>
        <dd data-testid="job-state">{job.status}</dd>
        <dt>Job id</dt>
        <dd>{job.jobId ?? "–"}</dd>
        <dt>Server status</dt>
        <dd>{job.job?.status ?? "–"}</dd>
        <dt>Last answer</dt>
        <dd>{call.data?.content?.slice(0, 80) ?? "–"}</dd>
      </dl>
      <ErrorBanner error={call.error ?? job.error} />
      {job.costs ? (
        <dl aria-label="Costs" data-testid="costs">
          <dt>Calls</dt>
          <dd>{`${job.costs.total_calls} (${job.costs.successful_calls} ok, ${job.costs.failed_calls} failed)`}</dd>
          <dt>Tokens</dt>
          <dd>{job.costs.total_tokens}</dd>
          <dt>Cost</dt>
          <dd>${job.costs.total_cost_usd.toFixed(6)}</dd>
          <dt>Credit charged</dt>
          <dd>{job.costs.credit_applied ? "yes" : "no"}</dd>
          <dt>Credits left</dt>
          <dd>{job.costs.credits_remaining}</dd>
        </dl>
      ) : null}
      <FaultPanel actions={FAULTS} />
    </div>
  );
}

const meta = {
  title: "Hooks/useJob",
  component: Options,
  args: { jobType: "summarize", pollIntervalMs: 1000 },
  argTypes: Object.fromEntries(NOT_CONTROLS.map((name) => [name, { control: false }])),
  // The controls are `useJob`'s options; the demo calls the hook with them.
  render: (options) => <JobDemo {...options} />,
} satisfies Meta<typeof Options>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Start, call twice, complete: one credit charged. Arm a failure before the last call: the job completes as failed. */
export const Lifecycle: Story = {};
