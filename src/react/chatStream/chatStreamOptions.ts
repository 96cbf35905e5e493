import type { ChatEngineOptions } from "../../core/chat/chatTypes";
import type { ThrowOnError } from "../hooks/shouldThrow";

export type { ChatStreamFinishInfo } from "../../core/chat/chatTypes";

export interface ChatStreamOptions extends ChatEngineOptions {
  /** `abort` (default) stops the request on unmount; `detach` lets it finish into the shared state. */
  onUnmount?: "abort" | "detach";
  /** Share one stream between components: hooks with the same id see the same state. */
  id?: string;
  /** Hand errors to the nearest error boundary (not aborts; interruptions only when the function says so). */
  throwOnError?: ThrowOnError;
}
