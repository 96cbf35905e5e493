import type { ReactNode } from "react";
import { useStore } from "zustand";
import { useSaaSLLMContext } from "../SaaSLLMProvider";
import type { TeamStatus } from "../teamStatusStore";
import { ERROR_COPY } from "../errors/errorCopy";
import { BannerView } from "./BannerView";

/** What `render` receives: an account-level problem, in the same wording as `toErrorState`. */
export interface TeamStatusView {
  status: Exclude<TeamStatus, "ok">;
  title: string;
  message: string;
  /** Credits left as last reported by the server, when known. */
  creditsRemaining?: number;
  /** The endpoint whose answer set the status. */
  endpoint?: string;
}

/** Props of {@link TeamStatusBanner}. */
export interface TeamStatusBannerProps {
  /** Shows "Sign in again" when the key was rejected. */
  onReauth?: () => void;
  /** Shows "Add credits" when the team is out of credits. */
  onAddCredits?: () => void;
  /** Replaces the built-in markup (still only called when the status is not `ok`). */
  render?: (view: TeamStatusView) => ReactNode;
  className?: string;
}

/**
 * Shows the team's account status (suspended, paused, out of credits, sign-in needed) as learned from any
 * call of the provider's client, wherever that call was made. Renders nothing while the status is `ok`,
 * and clears itself once a later call succeeds. Uses `role="status"`: the failing call's own error
 * already alerted, so this standing notice is announced politely.
 *
 * @example
 * <SaaSLLMProvider client={client}>
 *   <TeamStatusBanner onReauth={signIn} onAddCredits={() => navigate("/billing")} />
 *   <Routes />
 * </SaaSLLMProvider>
 */
export function TeamStatusBanner({ onReauth, onAddCredits, render, className }: TeamStatusBannerProps) {
  const { teamStatus } = useSaaSLLMContext();
  const status = useStore(teamStatus, (s) => s.status);
  const creditsRemaining = useStore(teamStatus, (s) => s.creditsRemaining);
  const endpoint = useStore(teamStatus, (s) => s.endpoint);
  if (status === "ok") return null;

  const view: TeamStatusView = { status, ...ERROR_COPY[status], creditsRemaining, endpoint };
  if (render) return render(view);
  const action =
    status === "re-auth" && onReauth ? (
      <button type="button" className="slm-button slm-button--primary" onClick={onReauth}>Sign in again</button>
    ) : status === "out-of-credits" && onAddCredits ? (
      <button type="button" className="slm-button slm-button--primary" onClick={onAddCredits}>Add credits</button>
    ) : null;
  return <BannerView name={status} title={view.title} message={view.message} role="status" actions={action} className={`slm-team-status${className ? ` ${className}` : ""}`} />;
}
