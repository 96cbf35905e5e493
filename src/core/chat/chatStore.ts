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
    if (this.listeners.size === 1) this.attached();
    return () => void this.listeners.delete(listener);
  };

  protected get disposed(): boolean {
    return this.machine.disposed;
  }

  /** A first subscriber arrived: the owner is mounted (never during a render), so effects may start. */
  protected attached(): void {}

  /** After each change, before the subscribers hear of it. */
  protected changed(_next: ChatStreamState): void {}

  protected dispatch(action: ChatAction): void {
    const prev = this.machine.state;
    this.machine = chatReducer(this.machine, action);
    if (this.machine.state === prev) return;
    this.changed(this.machine.state);
    for (const listener of this.listeners) listener(this.machine.state, prev);
  }
}
