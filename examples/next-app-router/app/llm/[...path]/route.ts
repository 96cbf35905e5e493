/**
 * The same-origin proxy as a Next.js App Router route: the browser client calls `/llm/...` with no key and
 * this handler adds the team's virtual key on the server. Works on the Node and the Edge runtime.
 */
import { createSaaSLLMProxy } from "@saas-litellm/react/server";
import { credentialsFor, userBudget } from "../../../credentials";

// Streams must not be cached or pre-rendered.
export const dynamic = "force-dynamic";

const proxy = createSaaSLLMProxy({
  upstreamUrl: process.env.SAAS_LLM_URL ?? "http://127.0.0.1:4010",
  // Only a signed-in user gets the key: whoever this lets through spends the team's credits.
  getVirtualKey: credentialsFor,
  // Each user's own limit, checked before anything is forwarded.
  beforeForward: userBudget,
});

export { proxy as GET, proxy as POST, proxy as PATCH };
