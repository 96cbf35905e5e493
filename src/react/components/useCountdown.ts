import { useEffect, useState } from "react";

interface Clock {
  key: unknown;
  deadline: number;
  now: number;
}

const start = (key: unknown, ms: number | undefined, deadline: number | undefined): Clock => {
  const now = Date.now();
  // A negative wait needs no clamp here: what is left is clamped at 0.
  return { key, deadline: deadline ?? now + (ms ?? 0), now };
};

/**
 * Whole seconds left until `ms` after the first render (or after `resetKey` last changed), or until `deadline`
 * (ms since epoch) when given, ticking once a
 * second and reaching 0 exactly at the deadline. Ticks are scheduled to the next second boundary of the
 * deadline rather than with a fixed interval, so a slow render never makes the count drift.
 *
 * @example
 * const seconds = useCountdown(error.retryAfterMs, error);
 * <button disabled={seconds > 0}>{seconds > 0 ? `Retry in ${seconds} s` : "Try again"}</button>
 */
export function useCountdown(ms: number | undefined, resetKey: unknown, deadline?: number): number {
  const [clock, setClock] = useState(() => start(resetKey, ms, deadline));
  // A new error restarts the count (state adjusted during render, as React recommends over an effect).
  const current = clock.key === resetKey ? clock : start(resetKey, ms, deadline);
  if (current !== clock) setClock(current);
  const left = Math.max(0, current.deadline - current.now);

  useEffect(() => {
    if (left <= 0) return;
    const id = setTimeout(() => setClock((c) => ({ ...c, now: Date.now() })), left % 1000 || 1000);
    return () => clearTimeout(id);
  }, [left]);

  return Math.ceil(left / 1000);
}
