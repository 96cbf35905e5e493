/** A same-origin proxy in front of the SaaS LiteLLM API, as one Fetch-API handler (`Request` in, `Response` out). */
import { matchClientRoute } from "./clientRoutes";
import { passThrough, redactedErrorBody } from "./passThrough";
import { FORWARDED_REQUEST_HEADERS, proxyError, responseHeaders } from "./proxyResponses";
import { bodyTeamId, readLimitedBody } from "./readLimitedBody";

/** The key to use for one browser request, and the team it belongs to. */
export interface ProxyCredentials {
  virtualKey: string;
  teamId: string;
}

/** Options of {@link createSaaSLLMProxy}. */
export interface SaaSLLMProxyOptions {
  /** Origin of the SaaS LiteLLM API, e.g. `https://llm.internal.example.com`. */
  upstreamUrl: string;
  /**
   * The key for this request, from your own session (cookie, header): map the signed-in user to a team's
   * key. Return `null` to refuse with a 401 (the client shows "Sign in again"). Runs on the server only.
   */
  getVirtualKey: (request: Request) => Promise<ProxyCredentials | null> | ProxyCredentials | null;
  /** Path prefix the browser client uses as `baseUrl`, stripped before forwarding. @default "/llm" */
  basePath?: string;
  /** Largest request body accepted (a 413 above it). @default 1_048_576 (1 MiB) */
  maxBodyBytes?: number;
  /** Longest wait for the server's response headers (a 504 after it). @default 120_000 */
  timeoutMs?: number;
  /** Longest silence inside a streamed body before the upstream request is aborted. @default 120_000 */
  streamIdleTimeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/**
 * Forwards the browser client's requests to the API, adding `Authorization: Bearer <key>` on the server.
 * Only the client-facing endpoints are forwarded; a team id in the path or body must be the key's team;
 * any `Authorization` or cookie the browser sent is dropped; streams are passed through unbuffered and the
 * upstream request is aborted when the browser disconnects. The key is never logged, echoed or put in an
 * error, and is redacted from upstream error bodies.
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
  const { upstreamUrl, getVirtualKey, basePath = "/llm", maxBodyBytes = 1_048_576, timeoutMs = 120_000, streamIdleTimeoutMs = 120_000 } = options;
  const upstream = upstreamUrl.replace(/\/+$/, "");
  const prefix = basePath.replace(/\/+$/, "");

  return async function proxy(request) {
    const url = new URL(request.url);
    if (prefix && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return proxyError(404, "Not Found");
    const path = url.pathname.slice(prefix.length) || "/";
    const route = matchClientRoute(request.method, path);
    if (!route) return proxyError(404, "Not Found");
    const credentials = await getVirtualKey(request);
    if (!credentials) return proxyError(401, "Not signed in");
    if (route.pathTeam !== undefined && route.pathTeam !== credentials.teamId) return foreignTeam(route.pathTeam);

    const body = request.method === "GET" ? undefined : await readLimitedBody(request, maxBodyBytes);
    if (body === "too-large") return proxyError(413, `Request body larger than ${maxBodyBytes} bytes`);
    if (body && route.bodyTeam) {
      const team = bodyTeamId(body);
      if (team === null) return proxyError(400, "Request body must be a JSON object");
      if (team !== undefined && team !== credentials.teamId) return foreignTeam(team);
    }
    return forward({ request, url: `${upstream}${path}${url.search}`, body, credentials, streams: route.streams });
  };

  async function forward({ request, url, body, credentials, streams }: Forward): Promise<Response> {
    const headers = new Headers({ authorization: `Bearer ${credentials.virtualKey}` });
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    // One controller for the upstream request: the browser leaving, the header timeout and the idle limit all abort it.
    const upstreamAbort = new AbortController();
    const onBrowserGone = () => upstreamAbort.abort(request.signal.reason);
    request.signal.addEventListener("abort", onBrowserGone, { once: true });
    const headerTimer = setTimeout(() => upstreamAbort.abort(new DOMException("Upstream timeout", "TimeoutError")), timeoutMs);
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(url, { method: request.method, headers, body: body as BodyInit | undefined, signal: upstreamAbort.signal });
    } catch {
      request.signal.removeEventListener("abort", onBrowserGone);
      const timedOut = upstreamAbort.signal.reason instanceof DOMException && upstreamAbort.signal.reason.name === "TimeoutError";
      return timedOut ? proxyError(504, "Gateway Timeout") : proxyError(502, "Bad Gateway");
    } finally {
      clearTimeout(headerTimer);
    }
    const outHeaders = responseHeaders(response.headers, streams && response.ok);
    if (!response.ok) {
      request.signal.removeEventListener("abort", onBrowserGone);
      return new Response(await redactedErrorBody(response, credentials.virtualKey), { status: response.status, statusText: response.statusText, headers: outHeaders });
    }
    if (!response.body) return new Response(null, { status: response.status, headers: outHeaders });
    const out = passThrough(response.body, streamIdleTimeoutMs, () => upstreamAbort.abort(new DOMException("Stream idle", "TimeoutError")));
    return new Response(out, { status: response.status, statusText: response.statusText, headers: outHeaders });
  }
}

interface Forward {
  request: Request;
  url: string;
  body: Uint8Array | undefined;
  credentials: ProxyCredentials;
  streams: boolean;
}

const foreignTeam = (team: string): Response => proxyError(403, `API key does not belong to team '${team}'`);
