import { useInsertionEffect, useRef } from "react";

/**
 * A stable holder whose `current` is the value of the last committed render, for event handlers and stream
 * callbacks (never read it during render). Written in an insertion effect, not in render: a render React
 * throws away (concurrent, Suspense, a hidden Activity pre-render) never leaks its value, and the write lands
 * in the commit's mutation phase, before any layout effect, effect or event handler of the tree can read it.
 *
 * Why not React 19's `useEffectEvent`: its functions may only be called from Effects, change identity on every
 * render and throw when called during render; ours are read from event handlers (`send()` in `onClick`) and from
 * stream callbacks, through a holder that must stay the same object. The insertion effect gives the same
 * timing on React 18 and 19. On the server no effect runs and nothing reads the holder.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
