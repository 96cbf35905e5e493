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
];

export interface Scenario {
  delivery: Delivery;
  n: number;
  runs: number;
  /** A child that takes longer is killed and reported as a timeout. */
  timeoutMs: number;
}

// Paced runs take N ms each: 100,000 would be 100 s per run and contender, so pacing stops at 10,000.
export const FULL: Scenario[] = [
  { delivery: "fast", n: 1_000, runs: 5, timeoutMs: 30_000 },
  { delivery: "fast", n: 10_000, runs: 5, timeoutMs: 60_000 },
  { delivery: "fast", n: 100_000, runs: 3, timeoutMs: 120_000 },
  { delivery: "split", n: 10_000, runs: 5, timeoutMs: 60_000 },
  { delivery: "paced", n: 1_000, runs: 3, timeoutMs: 30_000 },
  { delivery: "paced", n: 10_000, runs: 3, timeoutMs: 60_000 },
];

export const QUICK: Scenario[] = [
  { delivery: "fast", n: 1_000, runs: 3, timeoutMs: 30_000 },
  { delivery: "fast", n: 10_000, runs: 3, timeoutMs: 60_000 },
  { delivery: "split", n: 1_000, runs: 3, timeoutMs: 30_000 },
  { delivery: "paced", n: 1_000, runs: 3, timeoutMs: 30_000 },
];
