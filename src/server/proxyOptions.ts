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
  /**
   * Origins of other sites allowed to call the proxy from a browser (e.g. `["https://app.example.com"]`
   * when pages and proxy live on different origins). Any other cross-site request is a 403, because the
   * browser would send the signed-in user's cookies with it. @default []
   */
  allowedOrigins?: readonly string[];
  /**
   * Runs after the session check, the route and the team checks, just before the request is forwarded: the
   * place for a per-user budget or rate limit. Return a `Response` (e.g. a 429 with `Retry-After`) to answer
   * it instead; return nothing to forward it. Anyone `getVirtualKey` lets through spends the team's credits.
   */
  beforeForward?: (request: Request, credentials: ProxyCredentials) => Promise<Response | undefined | void> | Response | undefined | void;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}
