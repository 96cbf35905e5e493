import { useCountdown } from "./useCountdown";

/** Props of {@link RetryButton}. */
export interface RetryButtonProps {
  onRetry: () => void;
  /** Wait before the button enables; shows "Retry in N s" meanwhile. */
  retryAfterMs?: number;
  /** A new value restarts the countdown (pass the error). */
  resetKey?: unknown;
}

/**
 * "Try again", or "Retry in 5 s" (disabled) counting down to an enabled "Try again".
 *
 * @example <RetryButton onRetry={refetch} retryAfterMs={error.retryAfterMs} resetKey={error} />
 */
export function RetryButton({ onRetry, retryAfterMs, resetKey }: RetryButtonProps) {
  return <RetryButtonView seconds={useCountdown(retryAfterMs, resetKey)} onRetry={onRetry} />;
}

/** The button for a countdown someone else owns (so a banner's text and its button show the same number). */
export function RetryButtonView({ seconds, onRetry }: { seconds: number; onRetry: () => void }) {
  const waiting = seconds > 0;
  return (
    <button type="button" className="slm-button slm-button--retry" disabled={waiting} data-waiting={waiting || undefined} onClick={onRetry}>
      {waiting ? `Retry in ${seconds} s` : "Try again"}
    </button>
  );
}
