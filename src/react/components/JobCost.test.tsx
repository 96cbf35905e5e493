// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useJob } from "../useJob";
import { useLLMCall } from "../useLLMCall";
import { JobCost } from "./JobCost";
import { hello, startSim, withProviders } from "../../../test/fixtures/simulatorFixture";

const field = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;

function Conversation() {
  const job = useJob({ pollIntervalMs: false });
  const call = useLLMCall({ job, model: "chat-fast" });
  return (
    <>
      <button type="button" onClick={() => void call.call(hello)}>Ask</button>
      <button type="button" onClick={() => void job.complete()}>End</button>
      <JobCost job={job} />
    </>
  );
}

describe("JobCost", () => {
  it("starts empty, adds each call's tokens and USD as it lands, and shows the credit once the job completes", async () => {
    const { simulator, client } = await startSim();
    const user = userEvent.setup();
    render(<Conversation />, { wrapper: withProviders(client) });
    expect(screen.getByLabelText("Cost").getAttribute("data-charge")).toBe("pending");
    expect(field("Calls")).toBe("0");
    expect(field("Credits")).toBe("charged when finished");

    await user.click(screen.getByRole("button", { name: "Ask" }));
    await screen.findByText("1", { selector: "dd" });
    const first = simulator.ledger.jobs()[0]!;
    const tokensAfterOne = first.calls[0]!.promptTokens + first.calls[0]!.completionTokens;
    expect(field("Tokens")).toBe(`${tokensAfterOne} (${first.calls[0]!.promptTokens} in, ${first.calls[0]!.completionTokens} out)`);
    expect(field("Cost")).toBe(`$${first.calls[0]!.costUsd.toFixed(6)}`);

    await user.click(screen.getByRole("button", { name: "Ask" }));
    await screen.findByText("2", { selector: "dd" });
    const total = first.calls.reduce((n, c) => n + c.promptTokens + c.completionTokens, 0);
    expect(field("Tokens")).toMatch(new RegExp(`^${total} `));

    await user.click(screen.getByRole("button", { name: "End" }));
    await screen.findByText("1 credit charged · 99 left");
    expect(simulator.ledger.charges(first.jobId)).toBe(1);
    expect(simulator.requestsTo("getJobCosts").length).toBeGreaterThanOrEqual(3);
    expect(screen.getByLabelText("Cost").getAttribute("data-charge")).toBe("charged");
  });

  it("takes a job id; null renders the empty state without a request", async () => {
    const { simulator, client } = await startSim();
    const { rerender } = render(<JobCost job={null} />, { wrapper: withProviders(client) });
    expect(field("Tokens")).toBe("0 (0 in, 0 out)");
    expect(simulator.requestsTo("getJobCosts")).toHaveLength(0);
    const { job_id } = await client.createJob({ job_type: "chat" });
    await client.llmCall(job_id, { model: "chat-fast", messages: hello });
    rerender(<JobCost job={job_id} />);
    await screen.findByText("1", { selector: "dd" });
    expect(simulator.requestsTo("getJobCosts")).toHaveLength(1);
  });

  it("says 'not reported' for a streamed call's tokens and cost (the server records none), never 0", async () => {
    const { simulator, client } = await startSim();
    const { job_id } = await client.createJob({ job_type: "chat" });
    await client.streamLLMCall(job_id, { model: "chat-fast", messages: hello });
    const { rerender } = render(<JobCost job={job_id} />, { wrapper: withProviders(client) });
    await screen.findByText("1", { selector: "dd" });
    // What the server reported for the streamed call: no usage at all.
    expect(simulator.ledger.job(job_id)!.calls.map((c) => [c.promptTokens, c.completionTokens, c.costUsd])).toEqual([[0, 0, 0]]);
    expect(field("Tokens")).toBe("not reported");
    expect(field("Cost")).toBe("not reported");

    // A reported call beside it: its numbers, and the streamed call named as not reported.
    await client.llmCall(job_id, { model: "chat-fast", messages: hello });
    rerender(<JobCost job={job_id} key="again" />);
    await screen.findByText("2", { selector: "dd" });
    const reportedCall = simulator.ledger.job(job_id)!.calls[1]!;
    const tokens = reportedCall.promptTokens + reportedCall.completionTokens;
    expect(field("Tokens")).toBe(`${tokens} (${reportedCall.promptTokens} in, ${reportedCall.completionTokens} out) + 1 not reported`);
    expect(field("Cost")).toBe(`$${reportedCall.costUsd.toFixed(6)} + 1 not reported`);
  });
});
