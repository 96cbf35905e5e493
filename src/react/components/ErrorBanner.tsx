import type { SaaSLLMError } from "../../core/SaaSLLMError";
import { countdownCopy, messageOf } from "../../core/ui/errorCopy";
import type { ErrorState } from "../../core/ui/errorStateTypes";
import { errorStateOf } from "../../core/ui/errorStateOf";
import { BannerView } from "./BannerView";
import { actionButton, errorActionButtons, type AccountErrorPlacement, type ErrorActionHandlers } from "./errorActions";
import { FieldErrorList } from "./FieldErrorList";
import { useCountdown } from "./useCountdown";

/** The handlers and options of {@link ErrorBanner} (the same action props as `StreamStatus`). */
export interface ErrorBannerHandlers extends ErrorActionHandlers {
  /** "Dismiss", for any state. */
  onDismiss?: () => void;
  /**
   * `"team-banner"` when one `<TeamStatusBanner>` on the page already shows account-wide errors: this banner
   * then renders nothing for them, so the user never reads the same error twice. @default "inline"
   */
  accountErrors?: AccountErrorPlacement;
  className?: string;
}

/** Props of {@link ErrorBanner}: an `error` or a ready-made `state`, never both. */
export type ErrorBannerProps = ErrorBannerHandlers &
  (
    | { /** The error to show; `null` or `undefined` renders nothing. */ error: SaaSLLMError | null | undefined; state?: never }
    | { /** A state from `toErrorState` (e.g. with your own wording). */ state: ErrorState | null | undefined; error?: never }
  );

/**
 * Shows one error in plain language with the next step as a button. Renders nothing for no error and
 * for an aborted request. Unstyled: `slm-banner slm-banner--{state}` and `data-state` (see `styles.css`).
 *
 * @example
 * const call = useLLMCall({ model: "chat-fast" });
 * <ErrorBanner error={call.error} onRetry={() => call.call(messages)} onAddCredits={openBilling} onReauth={signIn} />
 */
export function ErrorBanner(props: ErrorBannerProps) {
  const view = props.state !== undefined ? props.state : errorStateOf(props.error);
  if (!view || view.state === "aborted") return null;
  if (view.accountWide && props.accountErrors === "team-banner") return null;
  return <ErrorBannerView view={view} {...props} />;
}

function ErrorBannerView({ view, onDismiss, className, ...handlers }: ErrorBannerHandlers & { view: ErrorState }) {
  // One countdown for the text and the button, so they always show the same number.
  const waits = view.action === "retry-after";
  const seconds = useCountdown(waits ? view.retryAfterMs : undefined, view.error);
  const actions = errorActionButtons({ state: view.state, action: view.action, seconds, hasPartialText: Boolean(view.partialText) }, handlers);
  if (onDismiss) actions.push(actionButton("Dismiss", onDismiss, "dismiss"));
  // The ticking line sits outside the live region (BannerView), so screen readers do not re-read it every second.
  const countdown = waits ? <p className="slm-banner__countdown">{countdownCopy(seconds)}</p> : null;
  const fields = view.fieldErrors ? <FieldErrorList errors={view.fieldErrors} /> : null;
  return (
    <BannerView
      name={view.state}
      title={view.title}
      // The alert names the server's wait once (a screen reader reads it once); the countdown ticks outside it.
      message={waits ? messageOf(view, view.retryAfterMs) : view.message}
      className={className}
      details={<>{countdown}{fields}</>}
      actions={actions}
    />
  );
}
