import type { AnswerOutcome } from "../calls/answerOutcome";
import type { UnfinishedReason } from "../chat/unfinishedReason";
import type { RetryWait } from "../transport";
import type { ChatStreamStatus } from "../chat/chatTypes";

const TEXT: Record<ChatStreamStatus, string> = {
  idle: "",
  offline: "Offline — it will be sent when the network is back",
  connecting: "Connecting…",
  generating: "Generating the answer…",
  retrying: "Connecting…",
  streaming: "Streaming…",
  done: "",
  interrupted: "Interrupted — the answer is incomplete",
  error: "",
  stopped: "Stopped — the answer is incomplete",
};

/** What each reason says; on `error` the banner speaks instead (it names the next step). */
const REASON: Record<UnfinishedReason, string> = {
  stopped: "Stopped — the answer is incomplete",
  length: "Cut off at the length limit — the answer is incomplete",
  content_filter: "Stopped by the content filter — the answer is incomplete",
  network: "The connection was lost — the answer is incomplete",
  stalled: "The stream stalled — the answer is incomplete",
  server_error: "The server failed — the answer is incomplete",
  rate_limited: "Rate limited — the answer is incomplete",
  refused: "",
  unknown_outcome: "The answer did not arrive — the server may still have finished it",
  offline: "Not sent — the device stayed offline too long",
};

/** What the job lookup of an answer of unknown fate found, in words. */
const OUTCOME: Record<AnswerOutcome["status"], string> = {
  checking: "Checking whether the server finished this answer…",
  charged: "The server finished this answer and charged it, but its text was lost",
  not_charged: "Not charged — the server did not finish this answer",
  unknown: "Could not check whether this answer was charged",
};

export const outcomeText = (outcome: AnswerOutcome | null | undefined): string => (outcome ? OUTCOME[outcome.status] : "");

/** The words of the live region: a retry's countdown, the offline hold, the reason of an unfinished answer, or the status. */
export function streamStatusText(status: ChatStreamStatus, reason: UnfinishedReason | null | undefined, wait: RetryWait | null | undefined, seconds: number): string {
  if (status === "retrying" && wait) {
    if (wait.offline) return `Offline — retrying when the network is back (${wait.attempt} of ${wait.maxAttempts})`;
    return seconds > 0 ? `Retrying in ${seconds} s (${wait.attempt} of ${wait.maxAttempts})` : `Connecting… (attempt ${wait.attempt} of ${wait.maxAttempts})`;
  }
  if (status === "offline" && seconds > 0) return `${TEXT.offline} (held ${seconds} s more)`;
  if (status === "connecting" && seconds > 0) return `Retrying in ${seconds} s…`;
  // On `error` the banner (role alert) already says what failed; an unknown outcome or a dropped offline send adds to it.
  if (status === "error") return reason === "unknown_outcome" || reason === "offline" ? REASON[reason] : "";
  const unfinished = status === "stopped" || status === "interrupted" || status === "done";
  return unfinished && reason ? REASON[reason] : TEXT[status];
}
