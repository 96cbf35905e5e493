import type { ChatStreamState } from "../chatTypes";

/** What the chat engine asks of a persistence (made by `persistChat`): the engine never sees the storage. */
export interface ChatPersister {
  /** Restores the stored chat (a sync storage answers at once, before the first render reads the state). */
  load(apply: (state: ChatStreamState, startedAt: number | null) => void): void | Promise<void>;
  /** Queues a state for writing: at once when settled, batched while an answer streams. */
  save(state: ChatStreamState, startedAt: number | null): void;
  /** Writes the queued state now (the page is being hidden). */
  flush(): void;
  dispose(): void;
}
