import type { ChatMessage } from "../types";
import { previewOf, sameInput } from "./busyPolicy";
import type { ChatRunner } from "./chatRunner";
import type { ChatStore } from "./chatStore";
import type { ChatEngineOptions } from "./chatTypes";

type Input = string | ChatMessage[];

/**
 * The busy policy (`whenBusy`) and its queue: a send while an answer runs interrupts it, waits in the queue
 * (shown in the state, cancellable) or is dropped. The queue goes on after a done answer and pauses after an
 * unfinished one (nothing is dropped).
 */
export function createSendQueue(
  { getState, dispatch, disposed }: Pick<ChatStore, "getState" | "dispatch" | "disposed">,
  { busy, scheduled }: Pick<ChatRunner, "busy" | "scheduled">,
  getOptions: () => ChatEngineOptions,
  { submit, accept }: { submit(input: Input): Promise<void>; accept(input: Input): unknown },
) {
  let ids = 0;
  /** The queue goes on: its next send is sent unless an answer runs. */
  const resume = (): void => {
    dispatch({ type: "pauseQueue", paused: false });
    const [next] = getState().queue;
    if (!next || busy()) return;
    dispatch({ type: "unqueue", id: next.id });
    void submit(next.input);
  };
  return {
    send(input: Input): Promise<void> {
      const policy = getOptions().whenBusy ?? "interrupt";
      const held = policy !== "interrupt" && (busy() || getState().queue.length > 0);
      if (!held) return submit(input);
      const pending = scheduled();
      if (pending?.input !== undefined && sameInput(pending.input, input)) return pending.done;
      if (accept(input) && policy === "queue") dispatch({ type: "enqueue", item: { id: ++ids, text: previewOf(input), input } });
      return Promise.resolve();
    },
    /** After an answer ended: a done one lets the queue go on, an unfinished one pauses it. */
    advance(done: boolean): void {
      if (disposed() || busy() || getState().queue.length === 0) return;
      if (done) resume();
      else dispatch({ type: "pauseQueue", paused: true });
    },
    cancel: (id: number) => dispatch({ type: "unqueue", id }),
    resume,
  };
}
