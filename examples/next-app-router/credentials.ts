/**
 * Which team's key a request may use, and each user's own budget. Replace the bodies with your own session
 * lookup and store. Server-only. Whoever `credentialsFor` lets through spends the team's credits.
 */
import type { ProxyCredentials } from "@saas-litellm/react/server";
import { sessionUser } from "./session";

export async function credentialsFor(request: Request): Promise<ProxyCredentials | null> {
  if (!(await sessionUser(request))) return null;
  return {
    // Defaults are the local simulator's; in production both come from the server's environment.
    virtualKey: process.env.SAAS_LLM_KEY ?? "sk-sim-demo-0123456789abcdef",
    teamId: process.env.SAAS_LLM_TEAM ?? "team-demo",
  };
}

const PER_MINUTE = Number(process.env.USER_REQUESTS_PER_MINUTE ?? 30);
const recent = new Map<string, number[]>();

/** The proxy's `beforeForward`: at most PER_MINUTE forwarded requests per user and minute (one process), else a 429. */
export async function userBudget(request: Request): Promise<Response | undefined> {
  const user = (await sessionUser(request))!;
  const now = Date.now();
  const times = (recent.get(user) ?? []).filter((at) => now - at < 60_000);
  if (times.length >= PER_MINUTE) return Response.json({ detail: "Rate limit per user" }, { status: 429, headers: { "retry-after": "60" } });
  recent.set(user, [...times, now]);
  return undefined;
}
