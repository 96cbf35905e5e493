import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeEvents, parseRoute, seededRandom, type Protocol } from "./workload";

export type { Delivery } from "./workload";

/** Serves the routes of `parseRoute` (workload.ts), each delivery as described at `Delivery`. */
export async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const cache = new Map<string, Buffer[]>();
  const events = (protocol: Protocol, n: number) => {
    const key = `${protocol}:${n}`;
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = encodeEvents(protocol, n)));
    return hit;
  };
  const server = createServer((req, res) => {
    handle(req, res, events).catch((error: unknown) => {
      console.error("bench server:", error);
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, events: (p: Protocol, n: number) => Buffer[]): Promise<void> {
  const route = parseRoute(req.url ?? "");
  req.resume(); // the request body (the prompt) is irrelevant; drain it.
  if (req.method !== "POST" || !route) {
    res.writeHead(404).end();
    return;
  }
  const { delivery, protocol } = route;
  const headers: Record<string, string> = { "content-type": "text/event-stream", "cache-control": "no-cache" };
  if (protocol === "ui-message-stream") headers["x-vercel-ai-ui-message-stream"] = "v1";
  res.writeHead(200, headers);
  res.socket?.setNoDelay(true);
  const list = events(protocol, route.n);
  if (delivery === "one") res.write(Buffer.concat(list));
  else if (delivery === "fast") await writeAll(res, list);
  else if (delivery === "split") await writeSplit(res, Buffer.concat(list));
  else await writePaced(res, list);
  res.end();
}

const drain = (res: ServerResponse) => new Promise<void>((resolve) => res.once("drain", resolve));
const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeAll(res: ServerResponse, list: Buffer[]): Promise<void> {
  for (const buf of list) if (!res.write(buf)) await drain(res);
}

async function writeSplit(res: ServerResponse, body: Buffer): Promise<void> {
  const random = seededRandom(0x5eed);
  for (let at = 0; at < body.length; ) {
    const end = Math.min(body.length, at + 1 + Math.floor(random() * 64));
    if (!res.write(body.subarray(at, end))) await drain(res);
    else await macrotask();
    at = end;
  }
}

async function writePaced(res: ServerResponse, list: Buffer[]): Promise<void> {
  const start = performance.now();
  let next = 0;
  while (next < list.length) {
    const due = Math.min(list.length, Math.floor(performance.now() - start) + 1);
    while (next < due) res.write(list[next++]);
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
}
