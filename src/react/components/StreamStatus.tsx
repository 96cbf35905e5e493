import type { ReactNode } from "react";
import { needsChargeConsent, type AnswerOutcome } from "../../core/calls/answerOutcome";
import type { OfflineHold } from "../../core/chat/chatTypes";
import type { UnfinishedReason } from "../../core/chat/unfinishedReason";
import type { SaaSLLMError } from "../../core/SaaSLLMError";
import type { RetryWait } from "../../core/transport";
import type { ChatStreamStatus } from "../chatStreamStatus";
import { ErrorBanner } from "./ErrorBanner";
import { actionButton, type AccountErrorPlacement, type ErrorActionHandlers } from "./errorActions";
import { outcomeText, streamStatusText } from "../../core/ui/streamStatusText";
import { useCountdown } from "./useCountdown";
import { useElapsed } from "./useElapsed";

/** Props of {@link StreamStatus}: the same action props as `ErrorBanner`, plus Stop. */
export interface StreamStatusProps extends ErrorActionHandlers {
  status: ChatStreamStatus;
  /** Shown as an `<ErrorBanner>` (with every action given here) when `status` is `error`. */
  error?: SaaSLLMError | null;
  /** "Stop" while connecting, retrying or streaming. */
  onStop?: () => void;
  /** Why the answer is unfinished (`chat.reason`), said in words: "The connection was lost — the answer is incomplete". */
  reason?: UnfinishedReason | null;
  /** While `retrying` (`chat.retrying`): counted down as "Retrying in N s (2 of 3)". */
  retrying?: RetryWait | null;
  /** While connecting: when the next automatic attempt starts (ms since epoch), shown as "Retrying in N s". */
  retryingAt?: number | null;
  /** While `generating` (`chat.generatingSince`): the seconds the server has been working, shown beside the status (outside the live region, so it is not read out each second). */
  generatingSince?: number | null;
  /** While `offline` (`chat.offline`): the held send, counted down to when it would be dropped; Stop cancels it. */
  offline?: OfflineHold | null;
  /**
   * What the server did with an answer the client did not see end (`chat.outcome`), said in words. When it was
   * (or may have been) charged, Retry gives way to "Send again (charged again)", which calls `onSendAgain`.
   */
  outcome?: AnswerOutcome | null;
  /** Pass `chat.sendAgain`: a re-send the user chose although the lost answer was (or may have been) charged. */
  onSendAgain?: () => void;
  /** `"team-banner"` when a `<TeamStatusBanner>` shows account-wide errors (see `ErrorBanner`). @default "inline" */
  accountErrors?: AccountErrorPlacement;
  className?: string;
}

/**
 * One line of progress for a chat stream: "Connecting… [Stop]", "Generating the answer… 4 s [Stop]" (the server
 * accepted the call and is working; the real server sends no text until the whole answer is ready), "Retrying in 3 s (2 of 3) [Stop]", "Streaming… [Stop]", "Interrupted — the answer
 * is incomplete [Retry] [Continue]", and on `error` an `ErrorBanner` with the next step (sign in, add credits,
 * choose a model, retry). Render it instead of an `ErrorBanner` for the stream's error, not beside one. The
 * polite live region is always rendered (empty when idle), because screen readers only announce changes to
 * a region that already exists.
 *
 * @example
 * const chat = useChatStream({ model: "chat-fast" });
 * <StreamStatus status={chat.status} reason={chat.reason} retrying={chat.retrying} generatingSince={chat.generatingSince} offline={chat.offline} outcome={chat.outcome} error={chat.error}
 *   onStop={chat.stop} onRetry={chat.retry} onContinue={chat.continue} onSendAgain={chat.sendAgain}
 *   onReauth={signIn} onAddCredits={openBilling} onChooseModel={openModelPicker} />
 */
export function StreamStatus({ status, error, onStop, reason, retrying, retryingAt, generatingSince, offline, outcome, onSendAgain, accountErrors, className, ...handlers }: StreamStatusProps) {
  const generating = useElapsed(status === "generating" ? generatingSince : null);
  const wait = status === "retrying" ? retrying : null;
  const hold = status === "offline" ? offline : null;
  const at = wait ? wait.nextRetryAt : hold ? hold.expiresAt : status === "connecting" ? retryingAt : null;
  const seconds = useCountdown(undefined, wait ?? hold ?? at, at ?? undefined);
  const retry = handlers.onRetry;
  let actions: ReactNode[] = [];
  if (status === "offline") actions = [actionButton("Cancel", onStop, "stop")];
  if (status === "streaming" || status === "connecting" || status === "generating" || status === "retrying") actions = [actionButton("Stop", onStop, "stop")];
  if (status === "interrupted") actions = [actionButton("Retry", retry, "retry"), actionButton("Continue", handlers.onContinue, "continue")];
  if (status === "stopped" || (status === "done" && reason === "length")) actions = [actionButton("Continue", handlers.onContinue, "continue")];
  if (status === "done" && reason === "content_filter") actions = [actionButton("Retry", retry, "retry")];
  // A lost answer that was (or may have been) charged: a re-send is the user's deliberate, labelled choice.
  const consent = needsChargeConsent(outcome ?? null);
  if (consent) actions = [actionButton(outcome?.status === "charged" ? "Send again (charged again)" : "Send again (may be charged again)", onSendAgain, "retry")];
  const present = actions.filter(Boolean);
  const said = streamStatusText(status, reason, wait, seconds);
  const text = outcome && status !== "streaming" && status !== "connecting" && status !== "generating" ? [said, outcomeText(outcome)].filter(Boolean).join(". ") : said;

  return (
    <div className={`slm-stream-status slm-stream-status--${status}${className ? ` ${className}` : ""}`} data-status={status}>
      <span className="slm-stream-status__text" role="status" aria-live="polite">
        {text}
      </span>
      {generating > 0 ? <span className="slm-stream-status__elapsed">{`${generating} s`}</span> : null}
      {present.length ? <span className="slm-stream-status__actions">{present}</span> : null}
      {status === "error" && error ? <ErrorBanner error={error} accountErrors={accountErrors} {...handlers} onRetry={consent ? undefined : retry} /> : null}
    </div>
  );
}
