import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { isSaaSLLMError, useSaaSLLMClient } from "@saas-litellm/react";
import { SaaSLLMDevtools, type SaaSLLMDevtoolsProps } from "@saas-litellm/react/devtools";
import PlaygroundMeta from "./Playground.stories";
import { useDemo } from "./support/demo";

const messages = [{ role: "user" as const, content: "Explain retries" }];

/**
 * One job, step by step, each step a fault the inspector explains: a call retried after a 503, a stream cut
 * mid-answer, the job completed (charged), closed a second time, and a suspended team.
 */
function InspectorWalkthrough(props: SaaSLLMDevtoolsProps) {
  const client = useSaaSLLMClient();
  const { simulator } = useDemo();
  const [jobId, setJobId] = useState<string | null>(null);
  const [log, setLog] = useState("Start with “Open a job”.");
  const run = (label: string, step: () => Promise<unknown>) => () =>
    void step().then(
      () => setLog(`${label}: done`),
      (e: unknown) => setLog(`${label}: ${isSaaSLLMError(e) ? e.kind : "failed"}`),
    );
  const job = () => jobId ?? "missing";
  return (
    <>
      <div className="demo">
        <div className="demo__row">
          <button type="button" onClick={run("Open a job", async () => setJobId((await client.createJob({ job_type: "walkthrough" })).job_id))}>Open a job</button>
          <button type="button" disabled={!jobId} onClick={run("Retried call", () => (simulator?.script.next("llmCall", { status: 503, detail: "Service Unavailable" }), client.llmCall(job(), { model: "chat-fast", messages })))}>Call after a 503</button>
          <button type="button" disabled={!jobId} onClick={run("Cut stream", () => (simulator?.script.next("streamLLMCall", { stream: { cutAfterChunks: 4 } }), client.streamLLMCall(job(), { model: "chat-fast", messages })))}>Stream, cut after 4 chunks</button>
          <button type="button" disabled={!jobId} onClick={run("Complete", () => client.completeJob(job(), { status: "completed" }))}>Complete the job</button>
          <button type="button" disabled={!jobId} onClick={run("Close again", () => client.completeJob(job(), { status: "failed", error_message: "closed twice on purpose" }))}>Close it again</button>
          <button type="button" onClick={run("Suspended team", () => (simulator?.team().suspend(), client.createJob({ job_type: "walkthrough" })))}>Suspend the team and call</button>
        </div>
        <p className="demo__note" role="status">{log}</p>
      </div>
      {/* Outside the demo's own control styles, as in an app: the panel styles its own controls. */}
      <SaaSLLMDevtools {...props} />
    </>
  );
}

const meta = {
  title: "Devtools/SaaSLLMDevtools",
  component: SaaSLLMDevtools,
  tags: ["autodocs"],
  args: { initialIsOpen: true, theme: "system", initialHeight: 420, maxEntries: 200 },
  argTypes: { client: { control: false } },
  render: (args) => <InspectorWalkthrough {...args} />,
  parameters: {
    docs: {
      description: {
        component:
          "`<SaaSLLMDevtools />` from `@saas-litellm/react/devtools` lists every job, request and stream the client handled, with the decisions behind them (retries and their delays, why a failure was not retried, who closed a job and what it cost). Press the buttons in order.",
      },
    },
  },
} satisfies Meta<typeof SaaSLLMDevtools>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Retried, cut and charged: the steps in order, inspector open. */
export const Walkthrough: Story = {};

/** The same panel forced dark. */
export const Dark: Story = { args: { theme: "dark" } };

const Playground = PlaygroundMeta.component;

/** The Playground chat app with the inspector open: apply a fault, send, and watch what the client did. */
export const OnThePlayground: Story = {
  name: "On the Playground",
  parameters: PlaygroundMeta.parameters,
  render: () => (
    <>
      <Playground />
      <SaaSLLMDevtools initialIsOpen initialHeight={300} />
    </>
  ),
};
