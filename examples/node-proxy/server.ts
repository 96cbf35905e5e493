/**
 * `npm run example:proxy`: the same-origin proxy on a plain Node server. Without SAAS_LLM_URL it starts the
 * simulator in-process as the upstream, so the one command is enough to try it:
 *
 *   curl -N -X POST http://127.0.0.1:3000/llm/api/jobs/create-and-call-stream -H 'content-type: application/json' \
 *     -d '{"team_id":"team-demo","job_type":"chat","model":"chat-fast","messages":[{"role":"user","content":"Hi"}]}'
 *
 * No key on the command line: the proxy adds it. Your app serves its pages from the same server (or behind
 * the same domain) and gives the browser client `baseUrl: "/llm"`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { createSaaSLLMProxy } from "../../src/server/index";
import { toNodeHandler } from "../../src/server/node";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { startSimulatorServer } from "../../src/testing/node";

const { values } = parseArgs({ options: { port: { type: "string", default: process.env.PORT ?? "3000" } } });

// The upstream: your SaaS LiteLLM server, or a simulator when none is configured.
const upstreamUrl = process.env.SAAS_LLM_URL || (await startSimulatorServer(createSimulator({ tokenDelayMs: 30 }))).url;
const virtualKey = process.env.SAAS_LLM_KEY || DEMO_VIRTUAL_KEY;
const teamId = process.env.SAAS_LLM_TEAM || DEMO_TEAM_ID;

const proxy = createSaaSLLMProxy({
  upstreamUrl,
  // One team for everyone here; a real app maps its signed-in user (cookie, session) to a team's key.
  getVirtualKey: () => ({ virtualKey, teamId }),
});

const server = createServer(toNodeHandler(proxy));
server.listen(Number(values.port), "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Proxy on http://127.0.0.1:${port}/llm -> ${process.env.SAAS_LLM_URL ? upstreamUrl : "the simulator"} (team ${teamId})`);
});
process.once("SIGINT", () => process.exit(0));
process.once("SIGTERM", () => process.exit(0));
