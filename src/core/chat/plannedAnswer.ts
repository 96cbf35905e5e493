import type { ChatMessage } from "../types";
import type { ChatStreamMessage } from "./chatTypes";

/** What one answer sends, and the text it starts from. */
export interface AnswerRequest {
  /** What is sent (the conversation, plus the partial answer and a continue prompt when continuing). */
  request: ChatMessage[];
  /** Text the answer starts from. */
  base: string;
}

/** An answer to send: what is shown before it, and what is sent. */
export interface PlannedAnswer extends AnswerRequest {
  conversation: ChatStreamMessage[];
}

/** Messages as the server takes them (the chat's own marks left out). */
const strip = (messages: ChatStreamMessage[]): ChatMessage[] => messages.map(({ interrupted: _i, reason: _r, ...m }) => m);

/** The answer to a conversation as it is. */
export const planOf = (conversation: ChatStreamMessage[]): PlannedAnswer => ({ conversation, request: strip(conversation), base: "" });

const beforeAnswer = (messages: ChatStreamMessage[]) => (messages[messages.length - 1]?.role === "assistant" ? messages.slice(0, -1) : messages);

/** The answer to send again for a conversation: everything up to its last prompt (null when there is none). */
export function plannedFrom(messages: ChatStreamMessage[]): PlannedAnswer | null {
  const conversation = beforeAnswer(messages);
  return conversation.length ? planOf(conversation) : null;
}

/** Goes on from a partial answer: it is sent back with the continue prompt, and new text is appended to it. */
export function continuation(messages: ChatStreamMessage[], partial: string, prompt: string): PlannedAnswer {
  const conversation = beforeAnswer(messages);
  return { conversation, request: [...strip(conversation), { role: "assistant", content: partial }, { role: "user", content: prompt }], base: partial };
}
