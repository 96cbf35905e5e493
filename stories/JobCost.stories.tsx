import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState } from "react";
import { JobCost, useJob, useLLMCall, useSaaSLLMClient, type JobCostProps, type JobCosts } from "@saas-litellm/react";

/** The props a story passes on from the controls (the job comes from the story's own calls). */
type Shown = Pick<JobCostProps, "label" | "usdDigits" | "className">;

/** A job you drive: each call adds its tokens and cost; completing it shows the credit. */
function LiveJobCost(shown: Shown) {
  const job = useJob({ pollIntervalMs: false });
  const call = useLLMCall({ job, model: "chat-fast" });
  return (
    <div className="demo">
      <div className="demo__row">
        <button type="button" disabled={call.isPending || job.status === "completed"} onClick={() => void call.call("Summarize retries in one line")}>Call the model</button>
        <button type="button" disabled={!job.isActive || call.isPending} onClick={() => void job.complete()}>Complete the job</button>
      </div>
      <JobCost {...shown} job={job} />
    </div>
  );
}

/** A job that already ran two calls and was completed (and charged) before the story rendered. */
function ChargedJobCost(shown: Shown) {
  const client = useSaaSLLMClient();
  const [job, setJob] = useState<{ jobId: string; costs: JobCosts } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const { job_id } = await client.createJob({ job_type: "story" });
      for (const content of ["First question", "Second question"]) await client.llmCall(job_id, { model: "chat-fast", messages: [{ role: "user", content }] });
      const { costs } = await client.completeJob(job_id, { status: "completed" });
      if (live) setJob({ jobId: job_id, costs });
    })();
    return () => void (live = false);
  }, [client]);
  return <JobCost {...shown} job={job} />;
}

const meta = {
  title: "Components/JobCost",
  component: JobCost,
  tags: ["autodocs"],
  args: { job: null, label: "Cost", usdDigits: 6, className: "" },
  argTypes: { job: { control: false }, render: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          "`<JobCost job>`: credits, USD (provider cost) and tokens of one job, re-read from the job's costs each time a call lands or the job closes. Calls whose usage the server did not report (streamed answers) say \"not reported\" instead of 0.",
      },
    },
  },
} satisfies Meta<typeof JobCost>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No job yet: zeros, and the credit is charged when the job completes. */
export const Empty: Story = {};

export const Live: Story = { render: (args) => <LiveJobCost {...args} /> };

export const Charged: Story = { render: (args) => <ChargedJobCost {...args} /> };
