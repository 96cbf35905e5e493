import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { reconcileAnswer } from "../calls/answerOutcome";
import type { ChatStore } from "./chatStore";

/**
 * Runs the charge check the machine asks for (`machine.check`, see `reconcileAnswer`): one lookup per check,
 * started only once the chat is mounted (a chat restored during a render sends nothing), its outcome
 * dispatched for that check only (a newer answer or a reset made it moot).
 */
export function createAnswerCheck(getClient: () => SaaSLLMClient, { machine, dispatch }: Pick<ChatStore, "machine" | "dispatch">) {
  let running: { check: object; done: Promise<void> } | null = null;
  let mounted = false;
  /** Starts the due check (if not running); resolves once its outcome is dispatched. */
  const run = (): Promise<void> => {
    const { check } = machine();
    if (!check) return Promise.resolve();
    if (running?.check === check) return running.done;
    const done = reconcileAnswer(getClient(), check.clientRequestId, check.since, check.endedBy).then((outcome) => dispatch({ type: "outcome", outcome, check }));
    running = { check, done };
    return done;
  };
  return {
    /** The owner is mounted: effects may start. */
    mount(): void {
      mounted = true;
      void run();
    },
    /** The machine changed: a new check starts once mounted. */
    changed(): void {
      if (mounted) void run();
    },
    /** Resolves once the due check (started now if it was not) has its outcome. */
    settled: run,
  };
}
