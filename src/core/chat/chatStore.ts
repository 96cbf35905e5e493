import { chatReducer, initialChatMachine, type ChatAction, type ChatMachine } from "./chatReducer";
import type { ChatStreamState } from "./chatTypes";

export type ChatListener = (next: ChatStreamState, prev: ChatStreamState) => void;

/** The machine's current value and its subscribers: every change goes through `dispatch` and the reducer. */
export class ChatStore {
  private machine: ChatMachine = initialChatMachine;
  private readonly listeners = new Set<ChatListener>();

  /** What the UI sees (arrow properties: handed around unbound, e.g. to `useSyncExternalStore`). */
  readonly getState = (): ChatStreamState => this.machine.state;

  readonly subscribe = (listener: ChatListener): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  protected get disposed(): boolean {
    return this.machine.disposed;
  }

  protected dispatch(action: ChatAction): void {
    const prev = this.machine.state;
    this.machine = chatReducer(this.machine, action);
    if (this.machine.state !== prev) for (const listener of this.listeners) listener(this.machine.state, prev);
  }
}
