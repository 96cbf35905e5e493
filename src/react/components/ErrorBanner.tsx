import type { SaaSLLMError } from "../../core/SaaSLLMError";
import type { ErrorState } from "../errors/errorStateTypes";
import { errorStateOf } from "../errors/errorStateOf";
import { BannerView } from "./BannerView";
import { FieldErrorList } from "./FieldErrorList";
import { RetryButton } from "./RetryButton";

/** The handlers of {@link ErrorBanner}. A button appears only for the state's action and only with its handler. */
export interface ErrorBannerHandlers {
  /** "Try again" for `retry`; "Retry in N s", then "Try again", for `retry-after`. */
  onRetry?: () => void;
  /** "Sign in again" for `re-auth`. */
  onReauth?: () => void;
  /** "Add credits" for `out-of-credits`. */
  onAddCredits?: () => void;
  /** "Choose another model" for `no-model-access`. */
  onChooseModel?: () => void;
  /** "Dismiss", for any state. */
  onDismiss?: () => void;
  className?: string;
}

/** Props of {@link ErrorBanner}: an `error` or a ready-made `state`, never both. */
export type ErrorBannerProps = ErrorBannerHandlers &
  (
    | { /** The error to show; `null` or `undefined` renders nothing. */ error: SaaSLLMError | null | undefined; state?: never }
    | { /** A state from `toErrorState` (e.g. with your own wording). */ state: ErrorState | null | undefined; error?: never }
  );

/**
 * Shows one error in plain language with the action the user can take. Renders nothing for no error and
 * for an aborted request. Unstyled: `slm-banner slm-banner--{state}` and `data-state` (see `styles.css`).
 *
 * @example
 * const call = useLLMCall({ model: "chat-fast" });
 * <ErrorBanner error={call.error} onRetry={() => call.call(messages)} onAddCredits={openBilling} />
 */
export function ErrorBanner(props: ErrorBannerProps) {
  const view = props.state !== undefined ? props.state : errorStateOf(props.error);
  if (!view || view.state === "aborted") return null;
  const { onRetry, onReauth, onAddCredits, onChooseModel, onDismiss, className } = props;

  const actions = [
    view.action === "sign-in" && onReauth ? <button key="reauth" type="button" className="slm-button slm-button--primary" onClick={onReauth}>Sign in again</button> : null,
    view.action === "add-credits" && onAddCredits ? <button key="credits" type="button" className="slm-button slm-button--primary" onClick={onAddCredits}>Add credits</button> : null,
    view.action === "choose-model" && onChooseModel ? <button key="model" type="button" className="slm-button slm-button--primary" onClick={onChooseModel}>Choose another model</button> : null,
    (view.action === "retry" || view.action === "retry-after") && onRetry ? (
      <RetryButton key="retry" onRetry={onRetry} retryAfterMs={view.action === "retry-after" ? view.retryAfterMs : undefined} resetKey={view.error} />
    ) : null,
    onDismiss ? <button key="dismiss" type="button" className="slm-button slm-button--dismiss" onClick={onDismiss}>Dismiss</button> : null,
  ].filter(Boolean);

  return (
    <BannerView
      name={view.state}
      title={view.title}
      message={view.message}
      className={className}
      details={view.fieldErrors ? <FieldErrorList errors={view.fieldErrors} /> : null}
      actions={actions.length ? actions : null}
    />
  );
}
