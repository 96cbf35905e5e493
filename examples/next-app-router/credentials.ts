/**
 * Which team's key a request may use. Replace the body with your own session lookup (e.g. read the session
 * cookie, find the user, return their team's key from your database or secret store). Server-only.
 */
import type { ProxyCredentials } from "@saas-litellm/react/server";

export async function credentialsFor(request: Request): Promise<ProxyCredentials | null> {
  // Demo policy: a signed-in user is anyone with the demo cookie (set by the page), and all share one team.
  const signedIn = /(?:^|;\s*)demo_session=1(?:;|$)/.test(request.headers.get("cookie") ?? "");
  if (!signedIn) return null;
  return {
    // Defaults are the local simulator's; in production both come from the server's environment.
    virtualKey: process.env.SAAS_LLM_KEY ?? "sk-sim-demo-0123456789abcdef",
    teamId: process.env.SAAS_LLM_TEAM ?? "team-demo",
  };
}
