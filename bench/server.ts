import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeEvents, seededRandom, type Protocol } from "./workload";

/**
 * - one: the whole body in a single write (the client reads it as few large buffers).
 * - fast: every SSE event is its own write, as fast as the socket takes them.
 * - split: the whole body cut at random byte offsets (1–64 B, through lines and UTF-8 sequences), with a
 *   macrotask between writes so the client really reads the pieces instead of one coalesced buffer.
 * - paced: one event per millisecond of elapsed time (a 1 ms interval catches up on late ticks).
 */
export type Delivery = "one" | "fast" | "split" | "paced";

/** Routes: POST /<delivery>/<n>/api/jobs/create-and-call-stream (OpenAI SSE) and POST /<delivery>/<n>/api/chat (AI SDK UI message stream). */
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
  const match = /^\/(one|fast|split|paced)\/(\d+)\/api\/(jobs\/create-and-call-stream|chat)$/.exec(req.url ?? "");
  req.resume(); // the request body (the prompt) is irrelevant; drain it.
  if (req.method !== "POST" || !match) {
    res.writeHead(404).end();
    return;
  }
  const delivery = match[1] as Delivery;
  const protocol: Protocol = match[3] === "chat" ? "ui-message-stream" : "openai";
  const headers: Record<string, string> = { "content-type": "text/event-stream", "cache-control": "no-cache" };
  if (protocol === "ui-message-stream") headers["x-vercel-ai-ui-message-stream"] = "v1";
  res.writeHead(200, headers);
  res.socket?.setNoDelay(true);
  const list = events(protocol, Number(match[2]));
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
