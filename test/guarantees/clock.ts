/**
 * The fake clock of a cell. Timers and `Date` are fake; socket I/O is real. Time moves one timer at a time,
 * and only once the wire is quiet, so every run takes the same path (see wire.ts).
 */
import { act } from "@testing-library/react";
import { vi } from "vitest";
import type { Wire } from "./wire";

const TO_FAKE = ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] as const;
/** The fake epoch every cell starts at, so recorded times are the same on every run. */
const EPOCH = Date.UTC(2026, 0, 1);
/** Real time a quiet check may wait for socket I/O before giving up (a stuck wire fails the cell, not the run). */
const SETTLE_LIMIT_MS = 10_000;

// Captured before any fake clock: real waits for real I/O.
const realImmediate = globalThis.setImmediate;
const realNow = () => performance.now();
const tick = () => new Promise<void>((resolve) => realImmediate(resolve));

export function installClock(): void {
  vi.useFakeTimers({ toFake: [...TO_FAKE], now: EPOCH });
  // Backoff jitter reads Math.random: pinned, so retry waits are the same on every run.
  vi.spyOn(Math, "random").mockReturnValue(0.5);
}

export function uninstallClock(): void {
  vi.useRealTimers();
}

export const now = () => Date.now() - EPOCH;

/**
 * Waits (real time) until the wire has been quiet for a few turns of the event loop. Timers due now (react-query
 * notifies on a 0 ms timeout) run meanwhile: they are part of "now", not of the future.
 */
export async function settle(wire: Wire): Promise<void> {
  const start = realNow();
  let calm = 0;
  while (calm < 3) {
    await act(() => vi.advanceTimersByTimeAsync(0));
    await act(tick);
    calm = wire.quiet() ? calm + 1 : 0;
    if (realNow() - start > SETTLE_LIMIT_MS) throw new Error("the loopback wire did not settle");
  }
}

/** Fires the next fake timer (and what it starts), then lets the wire settle. */
export async function step(wire: Wire): Promise<void> {
  await act(() => vi.advanceTimersToNextTimerAsync());
  await settle(wire);
}

/**
 * Moves the clock timer by timer until the screen stops waiting and `notBefore` (the user's last scheduled
 * action) has passed; returns the fake time at which the screen left its waiting state for good, or null when
 * it still waits after `limit` (or with no timer left to move the clock).
 */
export async function runUntil(wire: Wire, waiting: () => boolean, notBefore: number, limit: number): Promise<number | null> {
  await settle(wire);
  let leftAt: number | null = waiting() ? null : now();
  while (waiting() || now() < notBefore) {
    if (now() > limit || vi.getTimerCount() === 0) break;
    await step(wire);
    if (waiting()) leftAt = null;
    else leftAt ??= now();
  }
  return waiting() ? null : leftAt;
}

/** Lets `ms` of fake time pass, timer by timer, settling the wire between timers. */
export async function runFor(wire: Wire, ms: number): Promise<void> {
  const until = now() + ms;
  await settle(wire);
  while (vi.getTimerCount() > 0 && now() < until) await step(wire);
}
