import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { reconcileAnswer, type AnswerOutcome } from "../calls/answerOutcome";

/**
 * The job lookup of the shown answer (see `reconcileAnswer`): at most one pending, started only once the chat
 * is mounted (a chat restored during a render must not send requests from it), published when settled.
 */
export function createAnswerCheck(getClient: () => SaaSLLMClient, publish: (outcome: AnswerOutcome) => void) {
  let pending: { clientRequestId: string; since: number; endedBy: unknown; running: Promise<void> | null } | null = null;
  let mounted = false;
  const run = () => {
    const check = pending;
    if (!check || check.running) return check?.running;
    check.running = reconcileAnswer(getClient(), check.clientRequestId, check.since, check.endedBy).then((outcome) => {
      if (pending !== check) return;
      pending = null;
      publish(outcome);
    });
    return check.running;
  };
  return {
    /** `endedBy`: what ended the answer (the client picks how long the server may still finish it). */
    schedule(clientRequestId: string, since: number, endedBy: unknown): void {
      pending = { clientRequestId, since, endedBy, running: null };
      publish({ status: "checking" });
      if (mounted) void run();
    },
    mount(): void {
      mounted = true;
      void run();
    },
    /** Resolves once the pending lookup (started now if due) has published its outcome. */
    settled(): Promise<void> {
      return run() ?? Promise.resolve();
    },
    /** A newer answer or a reset: a pending outcome is of no answer on screen any more. */
    cancel(): void {
      pending = null;
    },
  };
}
