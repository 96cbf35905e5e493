/** Where a chat stream is. `interrupted` keeps the partial text; `stopped` means the user stopped it. */
export type ChatStreamStatus = "idle" | "connecting" | "streaming" | "done" | "interrupted" | "error" | "stopped";
