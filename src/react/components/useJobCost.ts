import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { JobCharge } from "../../core/clientEvents";
import type { JobCosts } from "../../core/types";
import { saasLLMKeys } from "../queryKeys";
import { useSaaSLLMContext } from "../SaaSLLMProvider";

/** What `<JobCost>` shows. Tokens and USD are the provider's (no markup); credits are what the team paid. */
export interface JobCostView {
  jobId: string | null;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  tokens: number;
  costUsd: number;
  /**
   * Calls whose usage the server did not report (a streamed call is recorded with no tokens and no cost):
   * their tokens and cost are unknown, not zero. `tokens` and `costUsd` count only the reported calls.
   */
  unreportedCalls: number;
  /** `pending` until the job is closed; then whether the server charged a credit for it. */
  charge: "pending" | "charged" | "not-charged";
  /** The team's balance after the close, when known. */
  creditsRemaining?: number;
  loading: boolean;
}

/**
 * A job's cost, read from E10 and read again whenever the client reports a call landing in it or the
 * job closing (client events), so the numbers follow the conversation without polling.
 */
export function useJobCost(jobId: string | null, closedCosts?: JobCosts): JobCostView {
  const { client } = useSaaSLLMContext();
  const queryClient = useQueryClient();
  // Keyed by job: a charge of an earlier job is simply not this one's (no reset in an effect).
  const [charged, setCharged] = useState<{ jobId: string; charge: JobCharge } | null>(null);
  const charge = charged && charged.jobId === jobId ? charged.charge : null;
  const query = useQuery({
    queryKey: saasLLMKeys.jobCosts(jobId ?? ""),
    // One executor per request: the client retries by its own policy, react-query does not.
    queryFn: ({ signal }) => client.getJobCosts(jobId as string, { signal }),
    enabled: jobId !== null,
    retry: false,
  });
  useEffect(() => {
    if (!jobId) return;
    return client.subscribe((event) => {
      const landed = (event.type === "call-usage" || event.type === "stream-end" || event.type === "job-close") && event.jobId === jobId;
      if (!landed) return;
      if (event.type === "job-close" && event.ok && event.charge) setCharged({ jobId, charge: event.charge });
      void queryClient.invalidateQueries({ queryKey: saasLLMKeys.jobCosts(jobId) });
    });
  }, [client, jobId, queryClient]);

  const breakdown = query.data?.costs.breakdown ?? [];
  // A call that answered (it has a model) with no tokens at all had its usage left out, not a free answer.
  const unreportedCalls = breakdown.filter((b) => b.model !== null && !b.prompt_tokens && !b.completion_tokens).length;
  const promptTokens = breakdown.reduce((n, b) => n + (b.prompt_tokens || 0), 0);
  const completionTokens = breakdown.reduce((n, b) => n + (b.completion_tokens || 0), 0);
  // The close's charge as the client reported it, else the costs the closing hook got back.
  const applied = charge ? charge.creditApplied : closedCosts?.credit_applied;
  return {
    jobId,
    calls: breakdown.length,
    promptTokens,
    completionTokens,
    tokens: promptTokens + completionTokens,
    costUsd: query.data?.costs.total_cost_usd ?? 0,
    unreportedCalls,
    charge: applied === undefined ? "pending" : applied ? "charged" : "not-charged",
    creditsRemaining: charge ? charge.creditsRemaining : closedCosts?.credits_remaining,
    loading: jobId !== null && query.isPending,
  };
}
