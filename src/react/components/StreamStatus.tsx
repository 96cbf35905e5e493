import type { ReactNode } from "react";
import type { SaaSLLMError } from "../../core/SaaSLLMError";
import type { ChatStreamStatus } from "../chatStreamStatus";
import { ErrorBanner } from "./ErrorBanner";
import { actionButton, type AccountErrorPlacement, type ErrorActionHandlers } from "./errorActions";
import { useCountdown } from "./useCountdown";

/** Props of {@link StreamStatus}: the same action props as `ErrorBanner`, plus Stop. */
export interface StreamStatusProps extends ErrorActionHandlers {
  status: ChatStreamStatus;
  /** Shown as an `<ErrorBanner>` (with every action given here) when `status` is `error`. */
  error?: SaaSLLMError | null;
  /** "Stop" while connecting or streaming. */
  onStop?: () => void;
  /** While connecting: when the next automatic attempt starts (ms since epoch), shown as "Retrying in N s". */
  retryingAt?: number | null;
  /** `"team-banner"` when a `<TeamStatusBanner>` shows account-wide errors (see `ErrorBanner`). @default "inline" */
  accountErrors?: AccountErrorPlacement;
  className?: string;
}

const TEXT: Record<ChatStreamStatus, string> = {
  idle: "",
  connecting: "Connecting…",
  streaming: "Streaming…",
  done: "",
  interrupted: "Interrupted — the answer is incomplete",
  error: "",
  stopped: "Stopped — the answer is incomplete",
};

/**
 * One line of progress for a chat stream: "Connecting… [Stop]", "Streaming… [Stop]", "Interrupted — the answer
 * is incomplete [Retry] [Continue]", and on `error` an `ErrorBanner` with the next step (sign in, add credits,
 * choose a model, retry). Render it instead of an `ErrorBanner` for the stream's error, not beside one. The
 * polite live region is always rendered (empty when idle), because screen readers only announce changes to
 * a region that already exists.
 *
 * @example
 * const chat = useChatStream({ model: "chat-fast" });
 * <StreamStatus status={chat.status} error={chat.error} onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue}
 *   onReauth={signIn} onAddCredits={openBilling} onChooseModel={openModelPicker} />
 */
export function StreamStatus({ status, error, onStop, retryingAt, accountErrors, className, ...handlers }: StreamStatusProps) {
  const seconds = useCountdown(status === "connecting" && retryingAt ? retryingAt - Date.now() : undefined, retryingAt);
  let actions: ReactNode[] = [];
  if (status === "streaming" || status === "connecting") actions = [actionButton("Stop", onStop, "stop")];
  if (status === "interrupted") actions = [actionButton("Retry", handlers.onRetry, "retry"), actionButton("Continue", handlers.onContinue, "continue")];
  if (status === "stopped") actions = [actionButton("Continue", handlers.onContinue, "continue")];
  const present = actions.filter(Boolean);
  const text = status === "connecting" && seconds > 0 ? `Retrying in ${seconds} s…` : TEXT[status];

  return (
    <div className={`slm-stream-status slm-stream-status--${status}${className ? ` ${className}` : ""}`} data-status={status}>
      <span className="slm-stream-status__text" role="status" aria-live="polite">
        {text}
      </span>
      {present.length ? <span className="slm-stream-status__actions">{present}</span> : null}
      {status === "error" && error ? <ErrorBanner error={error} accountErrors={accountErrors} {...handlers} /> : null}
    </div>
  );
}
