/**
 * Test fixture: a hostile upstream (a real `node:http` server whose answers each test scripts) with the proxy
 * in front of it on its own loopback server. The upstream logs what it received, so a test asserts both what
 * the browser got and what the upstream saw.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { createSaaSLLMProxy, type SaaSLLMProxyOptions } from "../../src/server/createSaaSLLMProxy";
import { toNodeHandler } from "../../src/server/nodeHandler";

/** One request the upstream received; `closed` resolves when its response ended or its socket went away. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  closed: Promise<{ finished: boolean }>;
}

export interface HostileFixture {
  /** The proxy's origin plus `/llm`, the browser client's `baseUrl`. */
  baseUrl: string;
  /** The proxy's port, for raw requests. */
  port: number;
  seen: SeenRequest[];
  /** How the upstream answers the next requests (until set again). */
  answer: (handler: (req: IncomingMessage, res: ServerResponse) => void) => void;
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
const shut = (server: Server) => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });

/** A hostile upstream and a proxy in front of it (key {@link DEMO_VIRTUAL_KEY}, team {@link DEMO_TEAM_ID}) for the file. */
export function useHostileUpstream(options: Partial<SaaSLLMProxyOptions> = {}): HostileFixture {
  const ctx = { seen: [] as SeenRequest[] } as HostileFixture;
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  ctx.answer = (next) => { handler = next; };
  const upstream = createServer((req, res) => {
    const closed = new Promise<{ finished: boolean }>((resolve) => res.once("close", () => resolve({ finished: res.writableFinished })));
    ctx.seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, closed });
    handler(req, res);
  });
  const proxyServer = createServer();
  beforeAll(async () => {
    const upstreamUrl = `http://127.0.0.1:${await listen(upstream)}`;
    const proxy = createSaaSLLMProxy({ upstreamUrl, getVirtualKey: () => ({ virtualKey: DEMO_VIRTUAL_KEY, teamId: DEMO_TEAM_ID }), ...options });
    proxyServer.on("request", toNodeHandler(proxy));
    ctx.port = await listen(proxyServer);
    ctx.baseUrl = `http://127.0.0.1:${ctx.port}/llm`;
  });
  beforeEach(() => {
    ctx.seen.length = 0;
    handler = (_req, res) => res.end();
  });
  afterAll(async () => {
    await shut(proxyServer);
    await shut(upstream);
  });
  return ctx;
}

/** Sends `head` (request line and headers, CRLF-separated) as raw bytes; resolves with the status code answered. */
export function rawRequest(port: number, head: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${head}\r\nconnection: close\r\n\r\n`));
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.once("error", reject);
  });
}
