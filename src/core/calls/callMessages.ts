import type { ChatMessage } from "../types";

/** The messages a call sends: the system prompt first when there is one. */
export const withSystem = (system: string | undefined, messages: ChatMessage[]): ChatMessage[] => (system ? [{ role: "system", content: system }, ...messages] : messages);
