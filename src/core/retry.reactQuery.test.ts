import { QueryClient, QueryObserver } from "@tanstack/query-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { classifyResponse } from "./classifyResponse";
import { retryDelay, shouldRetry } from "./retry";

// The policy drops straight into react-query's `retry` / `retryDelay`; backoff waits run on fake timers.
function observe(client: QueryClient, key: string, queryFn: () => Promise<string>) {
  const observer = new QueryObserver(client, { queryKey: [key], queryFn, retry: shouldRetry, retryDelay });
  const unsubscribe = observer.subscribe(() => undefined);
  return { observer, unsubscribe };
}

describe("shouldRetry/retryDelay in a real QueryClient", () => {
  afterEach(() => vi.useRealTimers());

  it("fetches a 403 query once", async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    let calls = 0;
    const { observer, unsubscribe } = observe(client, "403", async () => {
      calls++;
      throw await classifyResponse(new Response(JSON.stringify({ detail: "Team access is suspended. Please contact support." }), { status: 403 }));
    });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toBe(1);
    expect(observer.getCurrentResult().error).toMatchObject({ kind: "team_suspended" });
    unsubscribe();
  });

  it("fetches a 503 query three times then succeeds, waiting ~1 s then ~2 s", async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const at: number[] = [];
    const { observer, unsubscribe } = observe(client, "503", async () => {
      at.push(Date.now());
      if (at.length < 3) throw await classifyResponse(new Response("", { status: 503 }));
      return "ok";
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(at).toHaveLength(3);
    expect(observer.getCurrentResult().data).toBe("ok");
    const gaps = [at[1]! - at[0]!, at[2]! - at[1]!];
    expect(gaps[0]).toBeGreaterThanOrEqual(750);
    expect(gaps[0]).toBeLessThanOrEqual(1250);
    expect(gaps[1]).toBeGreaterThanOrEqual(1500);
    expect(gaps[1]).toBeLessThanOrEqual(2500);
    unsubscribe();
  });

  it("waits Retry-After on a 429", async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const at: number[] = [];
    const { unsubscribe } = observe(client, "429", async () => {
      at.push(Date.now());
      if (at.length === 1) throw await classifyResponse(new Response('{"detail":"Rate limit exceeded"}', { status: 429, headers: { "retry-after": "5" } }));
      return "ok";
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(at[1]! - at[0]!).toBe(5000);
    unsubscribe();
  });
});
