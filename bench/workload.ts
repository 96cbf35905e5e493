/**
 * The streamed answer and its two wire encodings. Deterministic, so a child process can rebuild the
 * expected text from N alone and compare it exactly with what it rendered.
 */

// Short words with multi-byte UTF-8 (accents, CJK, emoji incl. a ZWJ sequence): cut points in the
// split delivery land inside code points, which is what a decoder must survive.
const WORDS = ["Hello ", "wörld ", "café ", "🚀 ", "naïve ", "日本語 ", "😀 ", "Zürich ", "résumé ", "👩‍💻 ", "stream ", "ñandú "];

export function chunkText(i: number): string {
  return WORDS[(i * 7 + (i >> 3)) % WORDS.length] as string;
}

export function expectedText(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(chunkText(i));
  return parts.join("");
}

export type Protocol = "openai" | "ui-message-stream";

/**
 * - one: the whole body in a single write (the client reads it as few large buffers).
 * - fast: every SSE event is its own write, as fast as the socket takes them.
 * - split: the whole body cut at random byte offsets (1–64 B, through lines and UTF-8 sequences), with a
 *   macrotask between writes so the client really reads the pieces instead of one coalesced buffer.
 * - paced: one event per millisecond of elapsed time (a 1 ms interval catches up on late ticks).
 */
export type Delivery = "one" | "fast" | "split" | "paced";

/**
 * The bench's routes, served by bench/server.ts and by the browser bench's fake fetch:
 * POST /<delivery>/<n>/api/jobs/create-and-call-stream (OpenAI SSE) and POST /<delivery>/<n>/api/chat (AI SDK UI message stream).
 */
export function parseRoute(path: string): { delivery: Delivery; n: number; protocol: Protocol } | undefined {
  const match = /\/(one|fast|split|paced)\/(\d+)\/api\/(jobs\/create-and-call-stream|chat)$/.exec(path);
  if (!match) return undefined;
  return { delivery: match[1] as Delivery, n: Number(match[2]), protocol: match[3] === "chat" ? "ui-message-stream" : "openai" };
}

const sse = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;

/** OpenAI `chat.completion.chunk` events then `[DONE]`: what `/api/jobs/create-and-call-stream` relays. */
export function openAIEvents(n: number): string[] {
  const base = { id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1700000000, model: "bench-model" };
  const events: string[] = [];
  for (let i = 0; i < n; i++) events.push(sse({ ...base, choices: [{ index: 0, delta: { content: chunkText(i) }, finish_reason: null }] }));
  events.push(sse({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }));
  events.push("data: [DONE]\n\n");
  return events;
}

/** The AI SDK v5/v6 UI message stream (`x-vercel-ai-ui-message-stream: v1`), as `createUIMessageStreamResponse` writes it. */
export function uiMessageEvents(n: number): string[] {
  const events = [sse({ type: "start", messageId: "msg-bench" }), sse({ type: "start-step" }), sse({ type: "text-start", id: "t0" })];
  for (let i = 0; i < n; i++) events.push(sse({ type: "text-delta", id: "t0", delta: chunkText(i) }));
  events.push(sse({ type: "text-end", id: "t0" }), sse({ type: "finish-step" }), sse({ type: "finish" }), "data: [DONE]\n\n");
  return events;
}

/** One Buffer per SSE event; the answer's text chunks sit between a protocol-specific head and tail. */
export function encodeEvents(protocol: Protocol, n: number): Buffer[] {
  return (protocol === "openai" ? openAIEvents(n) : uiMessageEvents(n)).map((e) => Buffer.from(e, "utf8"));
}

/** A small seeded PRNG (mulberry32): the split offsets are arbitrary but the same in every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
