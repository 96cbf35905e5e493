/** Runs a Fetch-API handler (such as the proxy) inside Node's `http` server. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestListener } from "@remix-run/node-fetch-server";
import { isMalformedPath } from "./requestGuards";

/** Methods a browser client never sends and `Request` cannot carry. */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/**
 * Turns `(request: Request) => Promise<Response>` into a `node:http` request listener. The `Request`'s
 * signal aborts when the browser disconnects, so the proxy aborts its upstream request too; streamed
 * bodies are written as they arrive. Only origin-form targets (`/path?query`) are accepted: an
 * absolute-form target, `OPTIONS *`, TRACE and a path with dot segments or encoded separators get a 400. The `Request`'s URL is built on a fixed host,
 * never on the `Host` header, so a crafted Host cannot change the path the handler sees.
 *
 * @example
 * import { createServer } from "node:http";
 * createServer(toNodeHandler(createSaaSLLMProxy({ upstreamUrl, getVirtualKey }))).listen(3000);
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>): (req: IncomingMessage, res: ServerResponse) => void {
  // A stream cut by either side ends the response; there is nobody left to tell.
  const listener = createRequestListener(handler, { host: "localhost", onError: () => undefined });
  return (req, res) => {
    const target = req.url ?? "";
    if (!target.startsWith("/") || target.startsWith("//") || REFUSED_METHODS.has(req.method ?? "") || isMalformedPath(target.split("?")[0]!)) {
      res.writeHead(400, { "content-type": "application/json", connection: "close" }).end(JSON.stringify({ detail: "Malformed request target" }));
      return;
    }
    flushHeadersOnWriteHead(res);
    listener(req, res);
  };
}

// Node holds a response's head until its first body byte; an error body is read (up to 64 KiB) before it is
// sent, so without this a slow error body would hold its status back too.
function flushHeadersOnWriteHead(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const out = (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    this.flushHeaders();
    return out;
  } as ServerResponse["writeHead"];
}
