/** The two timestamp formats of the contract (§1); the documented preset uses plain ISO with `Z`. */
import type { SimPreset } from "./types";

/** Format (a): naive UTC with microseconds, e.g. `2025-11-05T22:35:22.123000`. */
export function naiveMicros(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000`;
}

/** Format (b): seconds plus `Z`, e.g. `2025-11-05T22:35:22Z` (what upstream `to_dict()` writes). */
export function secondsZ(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Picks the wire format for a preset: the docs show `2025-10-14T12:00:00.000Z` everywhere. */
export function stamp(preset: SimPreset, kind: "a" | "b", ms: number): string {
  if (preset === "documented") return new Date(ms).toISOString();
  return kind === "a" ? naiveMicros(ms) : secondsZ(ms);
}

/** `stamp` for nullable times. */
export function stampOrNull(preset: SimPreset, kind: "a" | "b", ms: number | null): string | null {
  return ms === null ? null : stamp(preset, kind, ms);
}
