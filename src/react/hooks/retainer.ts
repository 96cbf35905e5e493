import { useInsertionEffect } from "react";

/** Something mounted components hold; disposed once the last one let go. */
export interface Retainer {
  retain(): void;
  release(): void;
}

/**
 * Disposal waits one tick after the last release, so React StrictMode's unmount-remount (and a quick
 * remount after navigation) keeps the resource instead of disposing it.
 */
export function createRetainer(dispose: () => void): Retainer {
  let refs = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    retain() {
      refs++;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    release() {
      if (--refs > 0) return;
      timer = setTimeout(() => {
        timer = null;
        if (refs <= 0) dispose();
      }, 0);
    },
  };
}

/**
 * Holds `retainer` while the component is mounted. An insertion effect, because React cleans it up only when the
 * component really unmounts: `<Activity mode="hidden">` (and StrictMode's simulated unmount) destroy layout and
 * passive effects but keep the component, and a hidden chat must keep streaming into its state.
 */
export function useRetainer(retainer: Retainer): void {
  useInsertionEffect(() => {
    retainer.retain();
    return () => retainer.release();
  }, [retainer]);
}
