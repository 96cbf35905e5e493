import type { Delivery } from "./server";

export interface Contender {
  id: string;
  label: string;
  /** Bundle in bench/.build (see build.ts). */
  file: "floor" | "ours" | "aiSdk" | "naive";
  protocol: "OpenAI SSE" | "AI SDK UI message stream";
  env?: Record<string, string>;
}

export const CONTENDERS: Contender[] = [
  { id: "floor", label: "floor: createParser, no React", file: "floor", protocol: "OpenAI SSE" },
  { id: "ours", label: "useChatStream (ours)", file: "ours", protocol: "OpenAI SSE" },
  { id: "ai-sdk", label: "AI SDK useChat", file: "aiSdk", protocol: "AI SDK UI message stream" },
  { id: "ai-sdk-50", label: "AI SDK useChat, throttle 50 ms", file: "aiSdk", protocol: "AI SDK UI message stream", env: { BENCH_THROTTLE_MS: "50" } },
  { id: "naive", label: "naive useState per chunk", file: "naive", protocol: "OpenAI SSE" },
  { id: "naive-16", label: "naive, 16 ms batching", file: "naive", protocol: "OpenAI SSE", env: { BENCH_BATCH_MS: "16" } },
];

export interface Scenario {
  delivery: Delivery;
  n: number;
  runs: number;
  /** A child that takes longer is killed and reported as a timeout. */
  timeoutMs: number;
}

// The goal rows of the issue: 1,000 / 10,000 / 100,000 chunks in one write and 1,000 at 1 per ms.
export const GOALS: Scenario[] = [
  { delivery: "one", n: 1_000, runs: 5, timeoutMs: 30_000 },
  { delivery: "one", n: 10_000, runs: 5, timeoutMs: 60_000 },
  { delivery: "one", n: 100_000, runs: 3, timeoutMs: 120_000 },
  { delivery: "paced", n: 1_000, runs: 5, timeoutMs: 30_000 },
];

// Paced runs take N ms each: 100,000 would be 100 s per run and contender, so pacing stops at 10,000.
export const FULL: Scenario[] = [
  ...GOALS,
  { delivery: "fast", n: 10_000, runs: 5, timeoutMs: 60_000 },
  { delivery: "split", n: 10_000, runs: 5, timeoutMs: 60_000 },
  { delivery: "paced", n: 10_000, runs: 3, timeoutMs: 60_000 },
];

/** The goal rows with 3 runs each. */
export const QUICK: Scenario[] = GOALS.map((s) => ({ ...s, runs: 3 }));
