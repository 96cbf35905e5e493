import type { ReactNode } from "react";
import type { SaaSLLMError } from "../../core/SaaSLLMError";
import type { ChatStreamStatus } from "../chatStreamStatus";
import { ErrorBanner } from "./ErrorBanner";

/** Props of {@link StreamStatus}. Plain props, so it works with `useChatStream` or any other source. */
export interface StreamStatusProps {
  status: ChatStreamStatus;
  /** Shown as an `<ErrorBanner>` when `status` is `error`. */
  error?: SaaSLLMError | null;
  /** "Retry" after an interruption or error: start the answer over. */
  onRetry?: () => void;
  /** "Continue" after an interruption or a stop: ask the model to go on from the partial answer. */
  onContinue?: () => void;
  /** "Stop" while connecting or streaming. */
  onStop?: () => void;
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

const button = (label: string, onClick: (() => void) | undefined, kind: string) =>
  onClick ? (
    <button key={label} type="button" className={`slm-button slm-button--${kind}`} onClick={onClick}>
      {label}
    </button>
  ) : null;

/**
 * One line of progress for a chat stream: "Connecting… [Stop]", "Streaming… [Stop]", "Interrupted — the answer
 * is incomplete [Retry] [Continue]", an error banner on `error`, and no text when idle or done. The
 * polite live region is always rendered (empty when idle), because screen readers only announce changes
 * to a region that already exists.
 *
 * @example
 * const chat = useChatStream({ model: "chat-fast" });
 * <StreamStatus status={chat.status} error={chat.error} onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue} />
 */
export function StreamStatus({ status, error, onRetry, onContinue, onStop, className }: StreamStatusProps) {
  let actions: ReactNode[] = [];
  if (status === "streaming" || status === "connecting") actions = [button("Stop", onStop, "stop")];
  if (status === "interrupted") actions = [button("Retry", onRetry, "retry"), button("Continue", onContinue, "continue")];
  if (status === "stopped") actions = [button("Continue", onContinue, "continue")];
  const present = actions.filter(Boolean);

  return (
    <div className={`slm-stream-status slm-stream-status--${status}${className ? ` ${className}` : ""}`} data-status={status}>
      <span className="slm-stream-status__text" role="status" aria-live="polite">
        {TEXT[status]}
      </span>
      {present.length ? <span className="slm-stream-status__actions">{present}</span> : null}
      {status === "error" && error ? <ErrorBanner error={error} onRetry={onRetry} /> : null}
    </div>
  );
}
