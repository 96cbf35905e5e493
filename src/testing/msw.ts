/** MSW v2 handlers that forward API requests to a simulator (Storybook, browser tests, users' tests). */
import { http, HttpResponse, passthrough, type HttpHandler } from "msw";
import { DEMO_VIRTUAL_KEY } from "./constants";
import { isSimulatedNetworkError } from "./faults";
import type { Simulator } from "./types";

/** Options of {@link createSimulatorHandlers}. */
export interface SimulatorHandlersOptions {
  /**
   * Where the client sends its requests: the client's own `baseUrl`. An origin (`"http://api.test"`), an
   * origin with a path (`"https://app.test/llm"`), a same-origin path (`"/llm"`), or `"*"`: any origin,
   * with or without a path prefix, but only for paths the simulator knows. @default "*"
   */
  baseUrl?: string;
  /**
   * The handlers stand in for your server-side proxy: a request without `Authorization` gets
   * `Bearer <virtualKey>`, so a keyless browser client (`createSaaSLLMClient({ baseUrl: "/llm", teamId })`)
   * works unchanged. `false` forwards requests as they are (a keyless request then gets the API's 401).
   * @default DEMO_VIRTUAL_KEY
   */
  virtualKey?: string | false;
}

/**
 * One catch-all handler. Requests the simulator does not own (assets, HMR, your app's own API) pass through.
 *
 * @example
 * // Browser (after `npx msw init public`), with the client of the README's Production section:
 * const worker = setupWorker(...createSimulatorHandlers(createSimulator(), { baseUrl: "/llm" }));
 * await worker.start({ onUnhandledRequest: "bypass" });
 * // Node tests:
 * const server = setupServer(...createSimulatorHandlers(sim, { baseUrl: "http://api.test" }));
 */
export function createSimulatorHandlers(simulator: Simulator, { baseUrl = "*", virtualKey = DEMO_VIRTUAL_KEY }: SimulatorHandlersOptions = {}): HttpHandler[] {
  const base = baseUrl === "*" ? null : baseUrl.replace(/\/+$/, "");
  return [
    // A same-origin path ("/llm") matches on any origin: the page's in a browser, whatever a Node test uses.
    http.all(base === null ? "*" : base.startsWith("/") ? `*${base}/*` : `${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const path = apiPath(url, base);
      if (path === null) return passthrough();
      // The simulator routes on the path, so strip a prefix such as "/llm" before forwarding.
      const headers = new Headers(request.headers);
      if (virtualKey && !headers.has("authorization")) headers.set("authorization", `Bearer ${virtualKey}`);
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
      const forwarded = new Request(new URL(path + url.search, url.origin), { method: request.method, headers, body, signal: request.signal });
      try {
        return await simulator.fetch(forwarded);
      } catch (error) {
        if (isSimulatedNetworkError(error)) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}

/** The API path of `url` below `base`, or `null` when the request is not the simulator's to answer. */
function apiPath(url: URL, base: string | null): string | null {
  if (base === null) {
    // Any prefix: the API path is "/health" or under the simulator's "/api/{jobs,teams,credits}/"; others stay with the app.
    return /^.*?(\/health|\/api\/(?:jobs|teams|credits)\/.*)$/.exec(url.pathname)?.[1] ?? null;
  }
  const prefix = base.startsWith("/") ? base : new URL(base).pathname.replace(/\/+$/, "");
  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return null;
  return url.pathname.slice(prefix.length) || "/";
}
