/**
 * Both ends of the loopback wire, counted: the client's `fetch` and the simulator behind the HTTP server.
 * The fake clock may only move when the wire is quiet (every byte sent was read, every abort was seen by
 * the other end), so real socket I/O never races a fake timer and every run replays the same way.
 */
import type { Simulator } from "../../src/testing/index";

interface Exchange {
  received: boolean;
  answered: boolean;
  serverDone: boolean;
  serverAborted: boolean;
  headers: boolean;
  failed: boolean;
  clientAborted: boolean;
  clientDone: boolean;
  pendingRead: boolean;
  produced: number;
  read: number;
}

const HEADER = "x-guarantee-wire";

/** A body passed through chunk by chunk (pulled only on demand), calling `onChunk` per chunk and `onEnd` once. */
function counted(body: ReadableStream<Uint8Array>, onChunk: (n: number) => void, onEnd: () => void, onPull?: (pending: boolean) => void) {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        onPull?.(true);
        try {
          const { done, value } = await reader.read();
          onPull?.(false);
          if (done) {
            onEnd();
            controller.close();
          } else {
            onChunk(value.byteLength);
            controller.enqueue(value);
          }
        } catch (error) {
          onPull?.(false);
          onEnd();
          controller.error(error);
        }
      },
      cancel: (reason) => {
        onEnd();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

const fresh = (): Exchange => ({ received: false, answered: false, serverDone: false, serverAborted: false, headers: false, failed: false, clientAborted: false, clientDone: false, pendingRead: false, produced: 0, read: 0 });

/** True when nothing is on its way between the two ends for this exchange. */
function quietExchange(x: Exchange): boolean {
  if (!x.received) return false;
  if (x.answered && !x.headers && !x.failed) return false;
  if (x.clientAborted && !x.serverDone && !x.serverAborted) return false;
  return !(x.pendingRead && (x.read < x.produced || x.serverDone || x.clientAborted || x.serverAborted));
}

/** The client's end of one exchange: `fetch` with the response's arrival and body reads counted. */
function clientEnd(x: Exchange, request: Request, signal: AbortSignal | null | undefined): Promise<Response> {
  signal?.addEventListener("abort", () => (x.clientAborted = true), { once: true });
  return globalThis.fetch(request).then(
    (response) => {
      x.headers = true;
      if (!response.body) return ((x.clientDone = true), response);
      const body = counted(response.body, (n) => (x.read += n), () => (x.clientDone = true), (p) => (x.pendingRead = p));
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
    (error: unknown) => {
      x.failed = x.clientDone = true;
      throw error;
    },
  );
}

/** The server's end of one exchange: the simulator's answer, its body's chunks counted as they leave. */
async function serverEnd(x: Exchange, sim: Simulator, request: Request): Promise<Response> {
  x.received = true;
  request.signal.addEventListener("abort", () => (x.serverAborted = true), { once: true });
  try {
    const response = await sim.fetch(request);
    x.answered = true;
    if (!response.body) return ((x.serverDone = true), response);
    const body = counted(response.body, (n) => (x.produced += n), () => (x.serverDone = true));
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } catch (error) {
    x.answered = x.serverDone = true;
    throw error;
  }
}

export function createWire() {
  const exchanges = new Map<string, Exchange>();
  return {
    /** The client's `fetch`: tags each request so the server end finds the same exchange. */
    clientFetch: ((input, init) => {
      const id = String(exchanges.size + 1);
      const x = fresh();
      exchanges.set(id, x);
      const request = new Request(input, init);
      request.headers.set(HEADER, id);
      return clientEnd(x, request, init?.signal);
    }) as typeof fetch,
    /** The simulator as the HTTP server should see it: the same, with its side of each exchange counted. */
    serve: (sim: Simulator): Simulator => {
      const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
        const arrived = input instanceof Request && init === undefined ? input : new Request(input, init);
        // The whole body is read before the exchange counts as received: an upload still under way is not quiet.
        const body = arrived.method === "GET" || arrived.method === "HEAD" ? undefined : await arrived.text();
        const request = new Request(arrived.url, { method: arrived.method, headers: arrived.headers, body, signal: arrived.signal });
        return serverEnd(exchanges.get(request.headers.get(HEADER) ?? "") ?? fresh(), sim, request);
      };
      return { ...sim, fetch };
    },
    quiet: () => [...exchanges.values()].every(quietExchange),
  };
}

export type Wire = ReturnType<typeof createWire>;
