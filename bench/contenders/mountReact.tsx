import { Profiler, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { container } from "../dom";
import { sendWhenReady, type RunContext, type RunOutcome } from "../harness";

/**
 * What a React contender renders: it sends through `sendWhenReady` from its mount effect (the effect's cleanup
 * is what it returns) and calls `done` from an effect once its stream has finished (or failed).
 */
export type Screen = (props: { done: (error?: unknown) => void; sendWhenReady: (send: () => void) => () => void }) => ReactNode;

/**
 * Mounts a contender under a Profiler into a happy-dom container with a real React 19 root (no `act`:
 * production React schedules itself as in a browser) and resolves when the stream is done.
 */
export function mountReact(ctx: RunContext, Screen: Screen): Promise<RunOutcome> {
  const el = container();
  const root = createRoot(el);
  let commits = 0;
  const onRender = () => {
    commits++;
    ctx.mark();
  };
  // Cold runs send at once (mount is part of the answer's cost); mounted runs count commits from the send.
  const sendOnce = (send: () => void) => sendWhenReady(ctx, send, () => (commits = 0));
  return new Promise<RunOutcome>((resolve, reject) => {
    const done = (error?: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ text: () => el.textContent ?? "", get commits() { return commits; }, dispose: () => root.unmount() });
    };
    root.render(
      <Profiler id="bench" onRender={onRender}>
        <Screen done={done} sendWhenReady={sendOnce} />
      </Profiler>,
    );
  });
}
