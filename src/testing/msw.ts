/** MSW v2 handlers that forward API requests to a simulator (Storybook, browser tests, users' tests). */
import { http, HttpResponse, passthrough, type HttpHandler } from "msw";
import { isSimulatedNetworkError } from "./faults";
import { isApiPath } from "./routes";
import type { Simulator } from "./types";

/** Options of {@link createSimulatorHandlers}. */
export interface SimulatorHandlersOptions {
  /** Origin (and optional path prefix) of the API; "*" matches any origin. @default "*" */
  baseUrl?: string;
}

/**
 * One catch-all handler. With `baseUrl: "*"` only `/health` and `/api/*` paths go to the simulator,
 * so assets and dev-server requests pass through.
 *
 * @example
 * const sim = createSimulator();
 * const server = setupServer(...createSimulatorHandlers(sim, { baseUrl: "http://api.test" }));
 */
export function createSimulatorHandlers(simulator: Simulator, { baseUrl = "*" }: SimulatorHandlersOptions = {}): HttpHandler[] {
  const prefix = baseUrl === "*" ? "" : baseUrl.replace(/\/+$/, "");
  const pattern = baseUrl === "*" ? "*" : `${prefix}/*`;
  return [
    http.all(pattern, async ({ request }) => {
      const url = new URL(request.url);
      const path = prefix && url.href.startsWith(prefix) ? new URL(url.href.slice(prefix.length) || "/", url.origin).pathname : url.pathname;
      if (baseUrl === "*" && !isApiPath(path)) return passthrough();
      // The simulator routes on the path, so strip a base path such as "/proxy" before forwarding.
      const forwarded = path === url.pathname ? request : new Request(new URL(path + url.search, url.origin), request);
      try {
        return await simulator.fetch(forwarded);
      } catch (error) {
        if (isSimulatedNetworkError(error)) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}
