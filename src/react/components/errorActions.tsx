import type { ReactNode } from "react";
import type { ErrorAction, ErrorStateName } from "../../core/ui/errorStateTypes";
import { RetryButtonView } from "./RetryButton";

/**
 * The next steps a failure can offer, shared by `ErrorBanner`, `StreamStatus` and `TeamStatusBanner`.
 * A button appears only for the state's own action, and only when its handler is given.
 */
export interface ErrorActionHandlers {
  /** "Try again" for `retry`; "Retry in N s", then "Try again", for `retry-after`; "Try again" on an interrupted answer. */
  onRetry?: () => void;
  /** "Continue" on an interrupted answer that kept some text: ask the model to go on from it. */
  onContinue?: () => void;
  /** "Sign in again" for `re-auth`. */
  onReauth?: () => void;
  /** "Add credits" for `out-of-credits`. */
  onAddCredits?: () => void;
  /** "Choose another model" for `no-model-access`. */
  onChooseModel?: () => void;
  /** "Contact support" for states only an administrator can fix (suspended, paused, forbidden, misconfigured). */
  onContactAdmin?: () => void;
}

/** What the buttons depend on: the state, its action, the countdown and whether text was kept. */
export interface ActionView {
  state: ErrorStateName;
  action: ErrorAction;
  /** Whole seconds left before a retry is allowed (0: now). */
  seconds: number;
  hasPartialText: boolean;
}

/** One action button (`slm-button slm-button--{kind}`), or nothing without a handler. Shared by every banner. */
export const actionButton = (label: string, onClick: (() => void) | undefined, kind = "primary"): ReactNode =>
  onClick ? (
    <button key={label} type="button" className={`slm-button slm-button--${kind}`} onClick={onClick}>
      {label}
    </button>
  ) : null;

/** Each next step: its action, the handler that takes it, and the button's label. */
export const NEXT_STEPS: Array<[ErrorAction, "onReauth" | "onAddCredits" | "onChooseModel" | "onContactAdmin", string]> = [
  ["sign-in", "onReauth", "Sign in again"],
  ["add-credits", "onAddCredits", "Add credits"],
  ["choose-model", "onChooseModel", "Choose another model"],
  ["contact-admin", "onContactAdmin", "Contact support"],
];

/** The buttons for one state, in the order the user should consider them. */
export function errorActionButtons(view: ActionView, h: ErrorActionHandlers): ReactNode[] {
  const out = NEXT_STEPS.map(([action, key, label]) => (view.action === action ? actionButton(label, h[key]) : null));
  if ((view.action === "retry" || view.action === "retry-after") && h.onRetry) out.push(<RetryButtonView key="retry" seconds={view.seconds} onRetry={h.onRetry} />);
  if (view.state === "interrupted" && view.hasPartialText) out.push(actionButton("Continue", h.onContinue, "continue"));
  return out.filter(Boolean);
}

/** Where an account-wide error (suspended, paused, out of credits, sign-in) is shown. */
export type AccountErrorPlacement =
  /** In this banner, like any other error. */
  | "inline"
  /** Not here: one `<TeamStatusBanner>` on the page shows it (so it never appears twice). */
  | "team-banner";
