import { useCallback, useRef, useSyncExternalStore } from "react";

/** A store the hooks read: a snapshot and change notifications with the previous snapshot. */
export interface StateSource<S> {
  getState(): S;
  subscribe(listener: (next: S, prev: S) => void): () => void;
  /** The snapshot the server rendered (and the hydrating client must render first); `getState` when left out. */
  getServerState?(): S;
}

interface Tracked<S> {
  keys: Set<keyof S>;
  recheck: (() => void) | null;
}

/**
 * Subscribes to the keys the component actually reads (as TanStack Query tracks result properties):
 * `track(key)` marks one, and a change to any other key does not re-render.
 */
export function useTrackedState<S extends object>(source: StateSource<S>): { state: S; track: (key: keyof S) => void } {
  const ref = useRef<Tracked<S> | null>(null);
  if (ref.current == null) ref.current = { keys: new Set(), recheck: null };
  const tracked = ref.current;
  const subscribe = useCallback(
    (onChange: () => void) => {
      tracked.recheck = onChange;
      const unsubscribe = source.subscribe((next, prev) => {
        for (const key of tracked.keys) if (!Object.is(next[key], prev[key])) return onChange();
      });
      return () => {
        tracked.recheck = null;
        unsubscribe();
      };
    },
    [source, tracked],
  );
  const state = useSyncExternalStore(subscribe, source.getState, source.getServerState ?? source.getState);
  // Marking a key is idempotent, so a render React throws away only leaves an extra key (one extra re-render).
  const track = useCallback(
    (key: keyof S) => {
      if (tracked.keys.has(key)) return;
      tracked.keys.add(key);
      // A field first read outside render (an event handler, a test) may have changed since the last render:
      // let React compare snapshots once more, after the current render.
      queueMicrotask(() => tracked.recheck?.());
    },
    [tracked],
  );
  return { state, track };
}

/** Reads one slice: re-renders only when `selector`'s result changes (compare primitives or stable values). */
export function useSelectedState<S, T>(source: StateSource<S>, selector: (state: S) => T): T {
  const subscribe = useCallback((onChange: () => void) => source.subscribe(onChange), [source]);
  const read = () => selector(source.getState());
  const readServer = () => selector((source.getServerState ?? source.getState)());
  return useSyncExternalStore(subscribe, read, readServer);
}
