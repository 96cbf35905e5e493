/**
 * A real HTTP server on loopback serving a simulator (Node only). `node:http` and the fetch-server
 * adapter are imported lazily, so a browser bundle that imports the testing entry does not load them.
 */
import type * as http from "node:http";
import type { Socket } from "node:net";
import type { Simulator } from "./types";

/** A running simulator server. */
export interface SimulatorServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:53121`. */
  url: string;
  port: number;
  /** Stops listening and drops every open (keep-alive or streaming) connection. */
  close(): Promise<void>;
}

/** Options of {@link startSimulatorServer}. */
export interface SimulatorServerOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /**
   * After a plain-text 500 (an unhandled exception) uvicorn closes the keep-alive connection 65–112 ms later,
   * without `Connection: close` (upstream-behaviour §4). `false` keeps the connection open.
   * @default 80
   */
  closeAfterPlainErrorMs?: number | false;
}

/**
 * Serves `simulator` over HTTP/1.1. A scripted network error destroys the socket without a response,
 * and a stream `reset` destroys it mid-body, so a real `fetch` sees real transport failures.
 *
 * @example
 * const server = await startSimulatorServer(createSimulator());
 * const res = await fetch(`${server.url}/health`);
 * await server.close();
 */
export async function startSimulatorServer(
  simulator: Simulator,
  { port = 0, host = "127.0.0.1", closeAfterPlainErrorMs = 80 }: SimulatorServerOptions = {},
): Promise<SimulatorServer> {
  const { createServer } = await import("node:http");
  const { createRequestListener } = await import("@remix-run/node-fetch-server");
  const server = createServer((req, res) => {
    // One listener per request, so the handler can reach this request's socket.
    const listener = createRequestListener(
      async (request: Request) => {
        try {
          const response = await simulator.fetch(request);
          if (closeAfterPlainErrorMs !== false && isPlainServerError(response)) closeLater(res, req.socket, closeAfterPlainErrorMs);
          if (!response.body) return response;
          const { status, statusText, headers } = response;
          return new Response(flushBeforeError(response.body, res), { status, statusText, headers });
        } catch (error) {
          // Only a scripted network error or a client abort get here: drop the connection, send nothing.
          req.socket.destroy();
          throw error;
        }
      },
      // A body stream that errors (a scripted reset) makes the listener destroy the response; stay quiet.
      { onError: () => undefined },
    );
    listener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const isPlainServerError = (response: Response): boolean =>
  response.status === 500 && (response.headers.get("content-type") ?? "").startsWith("text/plain");

/** Ends the socket `ms` after this response was written: the next request on it may fail with `fetch failed`. */
function closeLater(res: http.ServerResponse, socket: Socket, ms: number): void {
  res.once("finish", () => {
    const timer = setTimeout(() => socket.end(), ms);
    socket.once("close", () => clearTimeout(timer));
  });
}

/**
 * Passes a body through, but when it errors (a scripted reset) waits until the bytes already written
 * left the process; otherwise destroying the socket would discard them and the client would see a
 * failed request instead of a body cut mid-stream.
 */
function flushBeforeError(body: ReadableStream<Uint8Array>, res: http.ServerResponse): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        await flushed(res);
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

async function flushed(res: http.ServerResponse): Promise<void> {
  // Bounded: a client that stopped reading must not keep the server from closing.
  for (let i = 0; i < 100 && !res.destroyed; i++) {
    if (res.writableLength === 0 && (res.socket?.writableLength ?? 0) === 0 && res.headersSent) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
