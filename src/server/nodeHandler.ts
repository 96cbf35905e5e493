/** Runs a Fetch-API handler (such as the proxy) inside Node's `http` server. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestListener } from "@remix-run/node-fetch-server";

/**
 * Turns `(request: Request) => Promise<Response>` into a `node:http` request listener. The `Request`'s
 * signal aborts when the browser disconnects, so the proxy aborts its upstream request too; streamed
 * bodies are written as they arrive.
 *
 * @example
 * import { createServer } from "node:http";
 * createServer(toNodeHandler(createSaaSLLMProxy({ upstreamUrl, getVirtualKey }))).listen(3000);
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>): (req: IncomingMessage, res: ServerResponse) => void {
  // A stream cut by either side ends the response; there is nobody left to tell.
  return createRequestListener(handler, { onError: () => undefined });
}
