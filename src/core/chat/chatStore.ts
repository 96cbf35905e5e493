import { chatReducer, initialChatMachine, type ChatAction, type ChatMachine } from "./chatReducer";
import type { ChatStreamState } from "./chatTypes";

export type ChatListener = (next: ChatStreamState, prev: ChatStreamState) => void;

/** The machine's current value and its subscribers: every change goes through `dispatch` and the reducer. */
export interface ChatStore {
  /** What the UI sees (closures, so they can be handed around unbound, e.g. to `useSyncExternalStore`). */
  getState(): ChatStreamState;
  subscribe(listener: ChatListener): () => void;
  dispatch(action: ChatAction): void;
  /** The owner went away: nothing is sent any more. */
  disposed(): boolean;
  /** The whole machine (the UI sees its `state`). */
  machine(): ChatMachine;
}

/**
 * A store of the chat machine. `attached`: a first subscriber arrived, so the owner is mounted (never during a
 * render) and effects may start. `changed`: after each change of the machine (and the action that made it), before
 * the subscribers hear of it.
 */
export function createChatStore(attached: () => void, changed: (next: ChatMachine, prev: ChatMachine, action: ChatAction) => void): ChatStore {
  let machine = initialChatMachine;
  const listeners = new Set<ChatListener>();
  return {
    getState: () => machine.state,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) attached();
      return () => void listeners.delete(listener);
    },
    dispatch(action) {
      const prev = machine;
      machine = chatReducer(machine, action);
      if (machine === prev) return;
      changed(machine, prev, action);
      if (machine.state === prev.state) return;
      for (const listener of listeners) listener(machine.state, prev.state);
    },
    disposed: () => machine.disposed,
    machine: () => machine,
  };
}
