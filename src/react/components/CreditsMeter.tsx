import { useId, type ReactNode } from "react";
import { ERROR_COPY } from "../../core/ui/errorCopy";
import { useCredits } from "../errors/useCredits";
import type { RequiresClient } from "../register";
import { useTeamStatus } from "../useTeamStatus";

/** What `<CreditsMeter>` shows. `remaining` follows every answer that reports a balance, not only the polls. */
export interface CreditsMeterView {
  state: "loading" | "error" | "ok" | "low" | "out";
  remaining?: number;
  /** The meter's full scale: the `max` prop, or the credits allocated to the team. */
  allocated?: number;
}

/** Props of {@link CreditsMeter}. */
export interface CreditsMeterProps {
  /** At or below this many credits the meter is `low`. @default 5 */
  lowThreshold?: number;
  /** Shows "Add credits" when the team is low or out. */
  onAddCredits?: () => void;
  /** Poll the balance every N ms. @default false */
  refetchInterval?: number | false;
  /** The meter's full scale, e.g. the plan's monthly credits. @default the team's `credits_allocated` */
  max?: number;
  /** @default "Credits" */
  label?: string;
  render?: (view: CreditsMeterView) => ReactNode;
  className?: string;
}

/**
 * The team's credits as an accessible meter (`role="meter"` with a spoken value), with the low and
 * out-of-credits states and the action to add credits. Unstyled with stable `slm-credits-meter*`
 * classes and `data-state`; the optional stylesheet themes it.
 *
 * @example
 * <CreditsMeter lowThreshold={10} onAddCredits={() => navigate("/billing")} />
 */
export function CreditsMeter({ lowThreshold = 5, onAddCredits, refetchInterval = false, max, label = "Credits", render, className }: CreditsMeterProps & RequiresClient<"CreditsMeter">) {
  const credits = useCredits({ lowThreshold, refetchInterval });
  const live = useTeamStatus().creditsRemaining;
  const id = useId();
  const remaining = live ?? credits.creditsRemaining;
  const allocated = credits.balance ? Math.max(max ?? credits.balance.credits_allocated, remaining ?? 0, 1) : undefined;
  const state: CreditsMeterView["state"] =
    remaining === undefined ? (credits.isError ? "error" : "loading") : remaining <= 0 ? "out" : remaining <= lowThreshold ? "low" : "ok";
  if (render) return render({ state, remaining, allocated });

  const known = remaining !== undefined && allocated !== undefined;
  const text = known ? `${remaining} of ${allocated} credits left` : state === "error" ? "Credits unavailable" : "Loading credits…";
  const notice = state === "out" ? ERROR_COPY["out-of-credits"].message : state === "low" ? "Credits are running low." : "";
  return (
    <div className={`slm-credits-meter${className ? ` ${className}` : ""}`} data-state={state}>
      <span id={`${id}-label`} className="slm-credits-meter__label">{label}</span>
      {known ? (
        <div role="meter" aria-labelledby={`${id}-label`} aria-valuemin={0} aria-valuemax={allocated} aria-valuenow={Math.max(0, remaining)} aria-valuetext={`${text}${state === "ok" ? "" : `, ${state}`}`} className="slm-credits-meter__bar">
          <span className="slm-credits-meter__fill" style={{ inlineSize: `${Math.min(100, (Math.max(0, remaining) / allocated) * 100)}%` }} />
        </div>
      ) : null}
      <span className="slm-credits-meter__text">{text}</span>
      <span role="status" className="slm-credits-meter__notice">{notice}</span>
      {(state === "low" || state === "out") && onAddCredits ? (
        <button type="button" className="slm-button slm-button--primary" onClick={onAddCredits}>Add credits</button>
      ) : null}
    </div>
  );
}
