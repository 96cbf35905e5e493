import type { ReactNode } from "react";
import type { ErrorAction, ErrorStateName } from "../errors/errorStateTypes";
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

const primary = (key: string, label: string, onClick: () => void) => (
  <button key={key} type="button" className="slm-button slm-button--primary" onClick={onClick}>
    {label}
  </button>
);

/** The buttons for one state, in the order the user should consider them. */
export function errorActionButtons(view: ActionView, h: ErrorActionHandlers): ReactNode[] {
  const out: ReactNode[] = [];
  if (view.action === "sign-in" && h.onReauth) out.push(primary("reauth", "Sign in again", h.onReauth));
  if (view.action === "add-credits" && h.onAddCredits) out.push(primary("credits", "Add credits", h.onAddCredits));
  if (view.action === "choose-model" && h.onChooseModel) out.push(primary("model", "Choose another model", h.onChooseModel));
  if (view.action === "contact-admin" && h.onContactAdmin) out.push(primary("admin", "Contact support", h.onContactAdmin));
  if ((view.action === "retry" || view.action === "retry-after") && h.onRetry) out.push(<RetryButtonView key="retry" seconds={view.seconds} onRetry={h.onRetry} />);
  if (view.state === "interrupted" && view.hasPartialText && h.onContinue) {
    out.push(
      <button key="continue" type="button" className="slm-button slm-button--continue" onClick={h.onContinue}>
        Continue
      </button>,
    );
  }
  return out;
}

/** Where an account-wide error (suspended, paused, out of credits, sign-in) is shown. */
export type AccountErrorPlacement =
  /** In this banner, like any other error. */
  | "inline"
  /** Not here: one `<TeamStatusBanner>` on the page shows it (so it never appears twice). */
  | "team-banner";
