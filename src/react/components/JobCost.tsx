import type { ReactNode } from "react";
import type { JobCosts } from "../../core/types";
import type { RequiresClient } from "../register";
import { useJobCost, type JobCostView } from "./useJobCost";

export type { JobCostView } from "./useJobCost";

/** Props of {@link JobCost}. */
export interface JobCostProps {
  /** A `useJob()` result (its `costs` show the charge once closed), or a job id; `null` renders the empty state. */
  job: string | { jobId: string | null; costs?: JobCosts } | null;
  /** Replaces the built-in markup. */
  render?: (view: JobCostView) => ReactNode;
  /** The list's accessible name. @default "Cost" */
  label?: string;
  /** Digits after the point for USD. @default 6 (provider costs per call are fractions of a cent) */
  usdDigits?: number;
  className?: string;
}

const CHARGE_TEXT: Record<JobCostView["charge"], string> = {
  pending: "charged when finished",
  charged: "1 credit charged",
  "not-charged": "not charged",
};

/** A reported amount, "not reported" when no call reported it, or the amount and how many calls did not. */
const reported = ({ calls, unreportedCalls: n }: JobCostView, amount: string): string => (!n ? amount : n === calls ? "not reported" : `${amount} + ${n} not reported`);

/**
 * Credits, USD and tokens of one job, updating as its calls land. Calls whose usage the server did not report
 * (streamed answers) say "not reported" instead of a zero. Unstyled with stable `slm-job-cost*`
 * classes (the optional stylesheet themes them).
 *
 * @example
 * const job = useJob();
 * const chat = useChatStream({ model: "chat-fast", job });
 * <JobCost job={job} />
 */
export function JobCost({ job, render, label = "Cost", usdDigits = 6, className }: JobCostProps & RequiresClient<"JobCost">) {
  const jobId = typeof job === "string" ? job : (job?.jobId ?? null);
  const view = useJobCost(jobId, typeof job === "object" ? job?.costs : undefined);
  if (render) return render(view);
  const numbers = new Intl.NumberFormat();
  return (
    <dl className={`slm-job-cost${className ? ` ${className}` : ""}`} aria-label={label} data-charge={view.charge} aria-busy={view.loading || undefined}>
      <div className="slm-job-cost__item">
        <dt>Credits</dt>
        <dd>{CHARGE_TEXT[view.charge]}{view.creditsRemaining !== undefined ? ` · ${numbers.format(view.creditsRemaining)} left` : ""}</dd>
      </div>
      <div className="slm-job-cost__item">
        <dt>Cost</dt>
        <dd>{reported(view, `$${view.costUsd.toFixed(usdDigits)}`)}</dd>
      </div>
      <div className="slm-job-cost__item">
        <dt>Tokens</dt>
        <dd>{reported(view, `${numbers.format(view.tokens)} (${numbers.format(view.promptTokens)} in, ${numbers.format(view.completionTokens)} out)`)}</dd>
      </div>
      <div className="slm-job-cost__item">
        <dt>Calls</dt>
        <dd>{view.calls}</dd>
      </div>
    </dl>
  );
}
