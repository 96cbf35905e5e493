import type { ReactNode } from "react";
import type { TeamStatus } from "../teamStatusStore";
import { useTeamStatus } from "../useTeamStatus";
import { ERROR_COPY } from "../../core/ui/errorCopy";
import { accountStateOf } from "../../core/ui/accountStates";
import { BannerView } from "./BannerView";
import { errorActionButtons, type ErrorActionHandlers } from "./errorActions";

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

/** Props of {@link TeamStatusBanner}: the account-level subset of the `ErrorBanner` action props. */
export interface TeamStatusBannerProps extends Pick<ErrorActionHandlers, "onReauth" | "onAddCredits" | "onContactAdmin"> {
  /** Replaces the built-in markup (still only called when the status is not `ok`). */
  render?: (view: TeamStatusView) => ReactNode;
  className?: string;
}

/**
 * Shows the team's account status (suspended, paused, out of credits, sign-in needed) as learned from any
 * call of the provider's client, wherever that call was made. Renders nothing while the status is `ok`,
 * and clears itself once a later call succeeds. Uses `role="status"`: a standing notice, announced politely.
 *
 * To show an account error once, mount one of these and pass `accountErrors="team-banner"` to the page's
 * `ErrorBanner`s and `StreamStatus`es: they then show only the errors of their own call.
 *
 * @example
 * <SaaSLLMProvider client={client}>
 *   <TeamStatusBanner onReauth={signIn} onAddCredits={() => navigate("/billing")} />
 *   <Routes />
 * </SaaSLLMProvider>
 */
export function TeamStatusBanner({ render, className, ...handlers }: TeamStatusBannerProps) {
  const { status, creditsRemaining, endpoint } = useTeamStatus();
  if (status === "ok") return null;

  const view: TeamStatusView = { status, ...ERROR_COPY[status], creditsRemaining, endpoint };
  if (render) return render(view);
  const actions = errorActionButtons({ state: status, action: accountStateOf(status)?.[1] ?? "none", seconds: 0, hasPartialText: false }, handlers);
  return <BannerView name={status} title={view.title} message={view.message} role="status" actions={actions} className={`slm-team-status${className ? ` ${className}` : ""}`} />;
}
