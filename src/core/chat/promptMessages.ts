import { validateMessages } from "../buildBody";
import { SaaSLLMError } from "../SaaSLLMError";
import type { ChatMessage } from "../types";

/**
 * A prompt as messages: a string becomes one user message, a message list is checked as it is. Empty or
 * whitespace-only prompts and anything else from untyped code throw a `bad_request` SaaSLLMError, before
 * any request (a blank prompt would still be a billed call).
 */
export function promptMessages(input: unknown, endpoint: string): ChatMessage[] {
  if (typeof input === "string") {
    if (input.trim() !== "") return [{ role: "user", content: input }];
    throw new SaaSLLMError({ kind: "bad_request", message: `The request was rejected before sending (${endpoint}): the prompt is empty`, detail: "the prompt is empty", endpoint });
  }
  validateMessages(input, endpoint);
  return input;
}
