/** A same-origin proxy in front of the SaaS LiteLLM API, as one Fetch-API handler (`Request` in, `Response` out). */
import { matchClientRoute } from "./clientRoutes";
import { forwardToUpstream } from "./forwardToUpstream";
import type { SaaSLLMProxyOptions } from "./proxyOptions";
import { proxyError } from "./proxyResponses";
import { bodyTeamId, readLimitedBody } from "./readLimitedBody";
import { refuseEncodedPath, refuseForeignOrigin, refuseNonJsonBody } from "./requestGuards";

export type { ProxyCredentials, SaaSLLMProxyOptions } from "./proxyOptions";

/**
 * Forwards the browser client's requests to the API, adding `Authorization: Bearer <key>` on the server.
 * It spends the team's credits for whoever `getVirtualKey` lets through: check a real session there, and
 * limit each user in `beforeForward`. Only the client-facing endpoints are forwarded; cross-site requests,
 * non-JSON bodies, encoded separators in path ids and a foreign team in the path, query or body are refused
 * without contacting the server; the browser's `Authorization` and cookies are dropped. Answers come back
 * with an allowlist of headers, the key redacted from every body (streams pass unbuffered), error bodies cut
 * at 64 KiB, and redirects turned into a 502. The upstream request is aborted when the browser disconnects.
 * The guarantees, each with its test, are listed in docs/production-proxy.md.
 *
 * @example
 * // app/llm/[...path]/route.ts (Next.js App Router)
 * const proxy = createSaaSLLMProxy({
 *   upstreamUrl: process.env.SAAS_LLM_URL!,
 *   getVirtualKey: async (request) => keyForUser(await getSession(request)),
 * });
 * export { proxy as GET, proxy as POST, proxy as PATCH };
 */
export function createSaaSLLMProxy(options: SaaSLLMProxyOptions): (request: Request) => Promise<Response> {
  const { upstreamUrl, getVirtualKey, basePath = "/llm", maxBodyBytes = 1_048_576, allowedOrigins = [], beforeForward } = options;
  const upstream = upstreamUrl.replace(/\/+$/, "");
  const prefix = basePath.replace(/\/+$/, "");

  return async function proxy(request) {
    const url = new URL(request.url);
    if (prefix && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return proxyError(404, "Not Found");
    const path = url.pathname.slice(prefix.length) || "/";
    const refused = refuseEncodedPath(path) ?? refuseForeignOrigin(request, allowedOrigins);
    if (refused) return refused;
    const route = matchClientRoute(request.method, path);
    if (!route) return proxyError(404, "Not Found");
    const notJson = refuseNonJsonBody(request);
    if (notJson) return notJson;
    const credentials = await getVirtualKey(request);
    if (!credentials) return proxyError(401, "Not signed in");
    const foreign = [route.pathTeam, ...url.searchParams.getAll("team_id")].find((team) => team !== undefined && team !== credentials.teamId);
    if (foreign !== undefined) return foreignTeam(foreign);

    const body = request.method === "GET" ? undefined : await readLimitedBody(request, maxBodyBytes);
    if (body === "too-large") return proxyError(413, `Request body larger than ${maxBodyBytes} bytes`);
    if (body && route.bodyTeam) {
      const team = bodyTeamId(body);
      if (team === null) return proxyError(400, "Request body must be a JSON object");
      if (team !== undefined && team !== credentials.teamId) return foreignTeam(team);
    }
    const hold = await beforeForward?.(request, credentials);
    if (hold) return hold;
    // The upstream URL is the configured origin plus the path alone: never the request's host or authority.
    return forwardToUpstream({ request, url: `${upstream}${path}${url.search}`, body, credentials, streams: route.streams }, options);
  };
}

const foreignTeam = (team: string): Response => proxyError(403, `API key does not belong to team '${team}'`);
