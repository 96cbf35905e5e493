/** The bench's workloads: bounded-concurrency request runs and the disconnect run. */
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "@saas-litellm/react/testing";

export const CHAT = { team_id: DEMO_TEAM_ID, job_type: "chat", model: "chat-fast", messages: [{ role: "user", content: "Hi" }] };

/** One answer read to its end; the key only when going direct. */
export type Workload = (base: string, direct: boolean, signal?: AbortSignal) => Promise<Response>;
const auth = (direct: boolean): Record<string, string> => (direct ? { authorization: `Bearer ${DEMO_VIRTUAL_KEY}` } : {});

export const jsonBalance: Workload = (base, direct) => fetch(`${base}/api/credits/teams/${DEMO_TEAM_ID}/balance`, { headers: auth(direct) });
export const sseStream: Workload = (base, direct, signal) =>
  fetch(`${base}/api/jobs/create-and-call-stream`, { method: "POST", headers: { "content-type": "application/json", ...auth(direct) }, body: JSON.stringify(CHAT), ...(signal ? { signal } : {}) });

/** Runs `count` requests, at most `concurrency` at once; returns each one's time to the end of its body (ms). */
export async function run(workload: Workload, base: string, direct: boolean, count: number, concurrency: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const start = performance.now();
      const res = await workload(base, direct);
      const body = await res.text();
      if (!res.ok) throw new Error(`${base}: status ${res.status}: ${body}`);
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times;
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/**
 * Opens `count` slow streams through the proxy, reads the first chunk of each, then disconnects; returns
 * how long each upstream request took to see the abort (ms), `Infinity` when it never did within `limitMs`.
 */
export async function disconnects(base: string, upstreamSignals: AbortSignal[], count: number, limitMs = 2_000): Promise<number[]> {
  const delays: number[] = [];
  for (let i = 0; i < count; i++) {
    const browser = new AbortController();
    const before = upstreamSignals.length;
    const res = await sseStream(base, false, browser.signal);
    const reader = res.body!.getReader();
    await reader.read();
    const upstream = upstreamSignals[before]!;
    const start = performance.now();
    browser.abort();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, limitMs);
      if (upstream.aborted) resolve();
      upstream.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
    });
    delays.push(upstream.aborted ? performance.now() - start : Infinity);
  }
  return delays;
}
