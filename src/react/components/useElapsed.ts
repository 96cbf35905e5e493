import { useEffect, useState } from "react";

/**
 * Whole seconds since `since` (ms since epoch), ticking on each second boundary while `since` is set; 0 when it
 * is null. SSR-safe: the first render reads the clock once, effects tick in the browser only.
 *
 * @example
 * const seconds = useElapsed(chat.generatingSince);
 */
export function useElapsed(since: number | null | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const elapsed = since == null ? 0 : Math.max(0, now - since);
  useEffect(() => {
    if (since == null) return;
    const id = setTimeout(() => setNow(Date.now()), 1000 - (elapsed % 1000));
    return () => clearTimeout(id);
  }, [since, elapsed]);
  return Math.floor(elapsed / 1000);
}
