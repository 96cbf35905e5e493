import { openAIEvents, parseRoute, uiMessageEvents, type Delivery } from "../workload";

/**
 * The bench server's deliveries as a fetch Response whose body the page itself fills: `one` enqueues the
 * whole body at once, `fast` one event per enqueue, `paced` 1 event per elapsed ms (setTimeout is clamped
 * to 4 ms once nested, so each tick catches up on the events due). `split` is Node-only.
 */
export function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const route = parseRoute(new URL(url).pathname);
  if (!route) return Promise.resolve(new Response(null, { status: 404 }));
  const events = (route.protocol === "openai" ? openAIEvents : uiMessageEvents)(route.n);
  const headers: Record<string, string> = { "content-type": "text/event-stream" };
  if (route.protocol === "ui-message-stream") headers["x-vercel-ai-ui-message-stream"] = "v1";
  return Promise.resolve(new Response(body(route.delivery, events), { status: 200, headers }));
}

function body(delivery: Delivery, events: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const bytes = delivery === "one" ? [encoder.encode(events.join(""))] : events.map((e) => encoder.encode(e));
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (delivery === "paced") return pace(controller, bytes);
      for (const b of bytes) controller.enqueue(b);
      controller.close();
    },
  });
}

function pace(controller: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array[]): void {
  const start = performance.now();
  let next = 0;
  const tick = () => {
    const due = Math.min(bytes.length, Math.floor(performance.now() - start) + 1);
    while (next < due) controller.enqueue(bytes[next++] as Uint8Array);
    if (next < bytes.length) setTimeout(tick, 1);
    else controller.close();
  };
  tick();
}

