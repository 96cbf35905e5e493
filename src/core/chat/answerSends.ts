import { needsChargeConsent } from "../calls/answerOutcome";
import { isSaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";
import type { ResendOptions } from "./chatEngine";
import type { ChatRunner } from "./chatRunner";
import type { ChatStore } from "./chatStore";
import { DEFAULT_CONTINUE_PROMPT, type ChatEngineOptions } from "./chatTypes";
import { continuation, planOf, type PlannedAnswer } from "./plannedAnswer";
import { promptMessages } from "./promptMessages";

/**
 * What a chat sends: a prompt (appended to the conversation) or a message list, the last answer again
 * (`retry`), or the partial answer with the continue prompt (`continue`). Bad input is refused before any
 * request; a re-send waits for the charge check and needs consent when the lost answer was charged.
 */
export function createAnswerSends(
  { getState, dispatch, machine }: Pick<ChatStore, "getState" | "dispatch" | "machine">,
  { schedule }: Pick<ChatRunner, "schedule">,
  /** Resolves once the due charge check (started now if it was not) has its outcome. */
  checked: () => Promise<void>,
  getOptions: () => ChatEngineOptions,
) {
  /** The input as messages; bad input is refused (a `bad_request` state and `onError`, no request) and gives null. */
  const accept = (input: string | ChatMessage[]): ChatMessage[] | null => {
    try {
      return promptMessages(input, "chat");
    } catch (error) {
      if (!isSaaSLLMError(error)) throw error;
      dispatch({ type: "refuse", error });
      getOptions().onError?.(error);
      return null;
    }
  };
  /**
   * Re-sends the answer the user asked about, only once its fate is known, and only with consent when it was
   * (or may have been) charged. Nothing is sent when a newer answer was sent meanwhile or one is running: that
   * answer's charge is not what the user agreed to.
   */
  const resend = async (options: ResendOptions | undefined, go: (plan: PlannedAnswer) => Promise<void>): Promise<void> => {
    const { plan } = machine();
    await checked();
    const now = machine();
    if (!plan || now.plan !== plan || now.run || (needsChargeConsent(getState().outcome) && !options?.chargeAgain)) return;
    return go(plan);
  };
  return {
    accept,
    submit(input: string | ChatMessage[]): Promise<void> {
      const messages = accept(input);
      if (!messages) return Promise.resolve();
      return schedule(planOf(typeof input === "string" ? [...getState().messages, ...messages] : messages), input);
    },
    retry: (options?: ResendOptions) => resend(options, (plan) => schedule({ ...plan })),
    continue: (options?: ResendOptions) =>
      resend(options, (plan) => {
        const { messages, text } = getState();
        return schedule(text ? continuation(messages, text, getOptions().continuePrompt ?? DEFAULT_CONTINUE_PROMPT) : { ...plan });
      }),
  };
}
