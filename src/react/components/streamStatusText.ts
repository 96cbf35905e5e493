import type { UnfinishedReason } from "../../core/chat/unfinishedReason";
import type { RetryWait } from "../../core/transport";
import type { ChatStreamStatus } from "../chatStreamStatus";

const TEXT: Record<ChatStreamStatus, string> = {
  idle: "",
  connecting: "Connecting…",
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
  unknown_outcome: "No answer in time — the server may still have finished it",
};

/** The words of the live region: a retry's countdown, the reason of an unfinished answer, or the status. */
export function streamStatusText(status: ChatStreamStatus, reason: UnfinishedReason | null | undefined, wait: RetryWait | null | undefined, seconds: number): string {
  if (status === "retrying" && wait) return seconds > 0 ? `Retrying in ${seconds} s (${wait.attempt} of ${wait.maxAttempts})` : `Connecting… (attempt ${wait.attempt} of ${wait.maxAttempts})`;
  if (status === "connecting" && seconds > 0) return `Retrying in ${seconds} s…`;
  // On `error` the banner (role alert) already says what failed; only an unknown outcome adds something to it.
  if (status === "error") return reason === "unknown_outcome" ? REASON[reason] : "";
  const unfinished = status === "stopped" || status === "interrupted" || status === "done";
  return unfinished && reason ? REASON[reason] : TEXT[status];
}
