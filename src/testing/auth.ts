/** Bearer-key authentication in upstream order (§2 steps 1–4), plus the documented preset's rate limit. */
import { detailResponse } from "./responses";
import type { SimState, SimTeam } from "./state";

const MISSING = "Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'";
const BAD_FORMAT = "Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'";

/** The key's team, or the 401/403 response that ends the request. */
export function authenticate(state: SimState, header: string | null): SimTeam | Response {
  if (!header || header.trim() === "") return detailResponse(401, MISSING);
  const parts = header.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0]?.toLowerCase() !== "bearer") return detailResponse(401, BAD_FORMAT);
  const team = teamOfToken(state, parts[1]);
  if (!team) return detailResponse(401, "Invalid API key");
  if (team.status !== "active") return detailResponse(403, `Team access is ${team.status}. Please contact support.`);
  return team;
}

/** The team whose key is exactly `token` (case-sensitive), if any. */
export function teamOfToken(state: SimState, token: string | undefined): SimTeam | undefined {
  return [...state.teams.values()].find((t) => t.virtualKey !== null && t.virtualKey === token);
}

/**
 * Documented preset only (the upstream never sends 429): a sliding window per team. The 429 carries
 * `Retry-After` in whole seconds until the oldest request leaves the window.
 */
export function checkRateLimit(state: SimState, team: SimTeam, now: number): Response | null {
  const limit = state.options.rateLimit;
  if (state.preset !== "documented" || !limit) return null;
  const times = (state.rateWindows.get(team.teamId) ?? []).filter((t) => now - t < limit.windowMs);
  if (times.length >= limit.requests) {
    state.rateWindows.set(team.teamId, times);
    const oldest = times[0] ?? now;
    const seconds = Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000));
    return detailResponse(429, "Rate limit exceeded", { "retry-after": String(seconds) });
  }
  times.push(now);
  state.rateWindows.set(team.teamId, times);
  return null;
}
