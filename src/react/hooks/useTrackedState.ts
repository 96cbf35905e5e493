import { useCallback, useState, useSyncExternalStore } from "react";

/** A store the hooks read: a snapshot and change notifications with the previous snapshot. */
export interface StateSource<S> {
  getState(): S;
  subscribe(listener: (next: S, prev: S) => void): () => void;
}

/**
 * Subscribes to the keys the component actually reads (as TanStack Query tracks result properties):
 * `track(key)` marks one, and a change to any other key does not re-render.
 */
export function useTrackedState<S extends object>(source: StateSource<S>): { state: S; track: (key: keyof S) => void } {
  const [tracked] = useState(() => ({ keys: new Set<keyof S>(), recheck: null as (() => void) | null }));
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
  const state = useSyncExternalStore(subscribe, source.getState, source.getState);
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
  return useSyncExternalStore(subscribe, read, read);
}
