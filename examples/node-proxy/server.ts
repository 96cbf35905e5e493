/**
 * `npm run example:proxy`: the same-origin proxy on a plain Node server, with a signed session and a
 * per-user budget. Without SAAS_LLM_URL it starts the simulator in-process as the upstream, so one command
 * is enough to try it:
 *
 *   curl -si -X POST http://127.0.0.1:8787/login -H 'content-type: application/json' -d '{"user":"alice","password":"demo"}'
 *   curl -N -X POST http://127.0.0.1:8787/llm/api/jobs/create-and-call-stream -H 'content-type: application/json' \
 *     -H 'cookie: session=…from the login…' \
 *     -d '{"team_id":"team-demo","job_type":"chat","model":"chat-fast","messages":[{"role":"user","content":"Hi"}]}'
 *
 * Without the cookie the proxy answers 401 and the API is never called: whoever `getVirtualKey` lets
 * through spends the team's credits. Your app serves its pages from this server (or behind the same
 * domain) and gives the browser client `baseUrl: "/llm"`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { createSaaSLLMProxy } from "@saas-litellm/react/server";
import { toNodeHandler } from "@saas-litellm/react/server/node";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "@saas-litellm/react/testing";
import { startSimulatorServer } from "@saas-litellm/react/testing/node";
import { createUserBudget } from "./budget";
import { demoLogin } from "./login";
import { createSessions } from "./session";

const { values } = parseArgs({ options: { port: { type: "string", default: process.env.PORT ?? "8787" } } });

// The upstream: your SaaS LiteLLM server, or a simulator when none is configured.
const realUpstream = process.env.SAAS_LLM_URL;
const upstreamUrl = realUpstream || (await startSimulatorServer(createSimulator({ tokenDelayMs: 30 }))).url;
const virtualKey = process.env.SAAS_LLM_KEY || DEMO_VIRTUAL_KEY;
const teamId = process.env.SAAS_LLM_TEAM || DEMO_TEAM_ID;

const sessions = createSessions();
const budget = createUserBudget({ perMinute: Number(process.env.USER_REQUESTS_PER_MINUTE ?? 30) });
const proxy = createSaaSLLMProxy({
  upstreamUrl,
  // Only a signed-in user gets the key; a real app maps the user to their team's key here.
  getVirtualKey: (request) => (sessions.userOf(request) ? { virtualKey, teamId } : null),
  // Each user's own limit, before the team's credits are spent.
  beforeForward: (request) => budget(sessions.userOf(request)!),
});
const handle = toNodeHandler(async (request) => {
  const { pathname } = new URL(request.url);
  return pathname === "/login" ? demoLogin(request, sessions, { password: process.env.DEMO_PASSWORD ?? (realUpstream ? undefined : "demo") }) : proxy(request);
});

const server = createServer(handle);
server.listen(Number(values.port), "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Proxy on http://127.0.0.1:${port}/llm -> ${realUpstream ? upstreamUrl : "the simulator"} (team ${teamId}); sign in with POST /login`);
});
process.once("SIGINT", () => process.exit(0));
process.once("SIGTERM", () => process.exit(0));
