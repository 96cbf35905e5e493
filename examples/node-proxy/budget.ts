/**
 * A per-user budget for the proxy's `beforeForward` hook: at most `perMinute` forwarded requests per user
 * in a sliding minute, then a 429 with `Retry-After` (the client waits and retries on its own). In memory,
 * so one process; use your store (Redis, your database) when you run several.
 */
export function createUserBudget({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }) {
  const recent = new Map<string, number[]>();
  /** `undefined` to forward the request, or the 429 to answer instead. */
  return (user: string): Response | undefined => {
    const t = now();
    const times = (recent.get(user) ?? []).filter((at) => t - at < 60_000);
    if (times.length >= perMinute) {
      const retryAfter = Math.ceil((times[0]! + 60_000 - t) / 1000);
      return Response.json({ detail: `Rate limit: ${perMinute} requests per minute` }, { status: 429, headers: { "retry-after": String(retryAfter) } });
    }
    recent.set(user, [...times, t]);
    return undefined;
  };
}
