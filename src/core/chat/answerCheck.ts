import type { SaaSLLMClient } from "../createSaaSLLMClient";
import { reconcileAnswer } from "../calls/answerOutcome";
import type { ChatStore } from "./chatStore";

/**
 * Runs the charge check the machine asks for (`machine.check`, see `reconcileAnswer`): one lookup per check,
 * its outcome dispatched for that check only (a newer answer or a reset made it moot). The returned function
 * starts the due check (if not running) and resolves once its outcome is dispatched; the engine calls it only
 * once the chat is mounted (a chat restored during a render sends nothing).
 */
export function createAnswerCheck(getClient: () => SaaSLLMClient, { machine, dispatch }: Pick<ChatStore, "machine" | "dispatch">): () => Promise<void> {
  let running: { check: object; done: Promise<void> } | null = null;
  return () => {
    const { check } = machine();
    if (!check) return Promise.resolve();
    if (running?.check === check) return running.done;
    const done = reconcileAnswer(getClient(), check.clientRequestId, check.since, check.endedBy).then((outcome) => dispatch({ type: "outcome", outcome, check }));
    running = { check, done };
    return done;
  };
}
