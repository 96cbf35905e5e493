/**
 * `@saas-litellm/react/server`: a same-origin proxy for production. The browser client talks to your origin
 * (`baseUrl: "/llm"`, no key); this handler adds the team's virtual key on the server and forwards to the API.
 * It needs only `fetch`, `Request` and `Response`, so it runs in Next.js route handlers, React Router
 * actions, Hono and Workers; `@saas-litellm/react/server/node` plugs it into `node:http`.
 */
export { createSaaSLLMProxy } from "./createSaaSLLMProxy";

export type { ProxyCredentials, SaaSLLMProxyOptions } from "./createSaaSLLMProxy";
