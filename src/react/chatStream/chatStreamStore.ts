import { createStore } from "zustand/vanilla";
import type { SaaSLLMError } from "../../core/SaaSLLMError";
import type { ChatMessage, Usage } from "../../core/types";
import type { ChatStreamStatus } from "../chatStreamStatus";

/** A message of the conversation; an assistant answer cut short carries `interrupted: true`. */
export interface ChatStreamMessage extends ChatMessage {
  interrupted?: boolean;
}

export interface ChatStreamState {
  /** The answer so far: every character received, also after an interruption. */
  text: string;
  /** The conversation, including the (possibly partial) assistant answer. */
  messages: ChatStreamMessage[];
  status: ChatStreamStatus;
  error: SaaSLLMError | null;
  usage: Usage | null;
  finishReason: string | null;
  /** The job the stream ran in, when known (null for the upstream's single-shot streams). */
  jobId: string | null;
  /** Correlation id of a single-shot stream's job (`job_metadata.client_request_id`). */
  clientRequestId: string | null;
  /** Text chunks received for the current answer. */
  chunkCount: number;
}

export const initialChatStreamState: ChatStreamState = {
  text: "",
  messages: [],
  status: "idle",
  error: null,
  usage: null,
  finishReason: null,
  jobId: null,
  clientRequestId: null,
  chunkCount: 0,
};

/** One zustand vanilla store per stream: components select slices, so a status badge skips text updates. */
export function createChatStreamStore(initial: Partial<ChatStreamState> = {}) {
  return createStore<ChatStreamState>()(() => ({ ...initialChatStreamState, ...initial }));
}

export type ChatStreamStore = ReturnType<typeof createChatStreamStore>;
