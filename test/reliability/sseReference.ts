/** An independent reading of SSE bytes (WHATWG rules), to compute the text a client must show. */

/** Text carried by one provider payload (OpenAI, Anthropic or Gemini shape), or "" for none. */
export function payloadText(payload: unknown): string {
  if (typeof payload !== "object" || payload === null) return "";
  const p = payload as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- wire JSON
  if (Array.isArray(p.choices)) return typeof p.choices[0]?.delta?.content === "string" ? p.choices[0].delta.content : "";
  if (p.type === "content_block_delta") return typeof p.delta?.text === "string" ? p.delta.text : "";
  if (Array.isArray(p.candidates)) return (p.candidates[0]?.content?.parts ?? []).map((x: { text?: unknown }) => (typeof x.text === "string" ? x.text : "")).join("");
  return "";
}

/**
 * The `data` of every event in `bytes`, as a reader that got exactly these bytes sees them: UTF-8 decoded
 * without flushing an incomplete tail, lines ended by CRLF, LF or CR, data lines of one event joined by
 * LF, and (like the package, on purpose) a last event without its blank line still dispatched.
 */
export function sseEvents(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes, { stream: true });
  const lines = text.split(/\r\n|\r|\n/);
  const events: string[] = [];
  let data: string[] | null = null;
  for (const line of lines) {
    if (line === "") {
      if (data) events.push(data.join("\n"));
      data = null;
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") (data ??= []).push(value);
  }
  if (data) events.push(data.join("\n"));
  return events;
}

/** The answer text in `bytes`: every event that is a JSON object, read by shape; the rest is ignored. */
export function expectedText(bytes: Uint8Array): string {
  let out = "";
  for (const data of sseEvents(bytes)) {
    try {
      out += payloadText(JSON.parse(data));
    } catch {
      // Not JSON (garbage, a cut line, [DONE]): carries no text.
    }
  }
  return out;
}

/** Wraps a fetch so every response body byte the client reads is also recorded. */
export function recordingFetch(inner: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const bodies: Uint8Array[][] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const res = await inner(input, init);
    if (!res.body || !(res.headers.get("content-type") ?? "").includes("event-stream")) return res;
    const chunks: Uint8Array[] = [];
    bodies.push(chunks);
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else {
            chunks.push(value);
            controller.enqueue(value);
          }
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  /** Bytes of the `i`-th stream response (default: the last). */
  const bytes = (i = bodies.length - 1): Uint8Array => concat(bodies[i] ?? []);
  return { fetch: fetch as typeof globalThis.fetch, bytes, count: () => bodies.length };
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
