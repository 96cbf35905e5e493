import { describe, expect, it, vi } from "vitest";
import { readChatStream, trailingLineBytes, type ReadChatStreamOptions } from "./readChatStream";
import { isSaaSLLMError, type SaaSLLMError } from "./SaaSLLMError";
import type { ChatStreamEvent } from "./types";

vi.mock("react", () => ({}));

const enc = new TextEncoder();
const bytes = (s: string | Uint8Array) => (typeof s === "string" ? enc.encode(s) : s);
const sse = (...payloads: string[]) => payloads.map((p) => `data: ${p}\n\n`).join("");
const oa = (content: string) => `{"choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}},"finish_reason":null}]}`;
const OA_STOP = '{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}';

/** A real Response body that yields `chunks` one read at a time, then closes, errors or hangs. */
function body(chunks: Array<string | Uint8Array>, end: { error?: unknown; hang?: boolean; gapMs?: number } = {}) {
  let i = 0;
  const cancel = vi.fn();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (end.gapMs && i > 0) await new Promise((r) => setTimeout(r, end.gapMs));
      if (i < chunks.length) controller.enqueue(bytes(chunks[i++]!));
      else if (end.hang) await new Promise(() => {});
      else if (end.error !== undefined) controller.error(end.error);
      else controller.close();
    },
    cancel,
  });
  return { body: new Response(stream).body!, cancel };
}

async function read(chunks: Array<string | Uint8Array>, options?: ReadChatStreamOptions) {
  return readChatStream(body(chunks).body, options);
}

async function failure(promise: Promise<unknown>): Promise<SaaSLLMError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSaaSLLMError(error)) throw new Error(`expected a SaaSLLMError, got ${String(error)}`);
  return error;
}

/** Byte offsets where each event's `data:` line ends, and the whole stream's bytes. */
function layout(parts: string[]) {
  let text = "";
  const lineEnds: number[] = [];
  for (const part of parts) {
    text += part;
    if (part.startsWith("data:")) lineEnds.push(enc.encode(text.trimEnd()).length);
  }
  return { all: enc.encode(text), lineEnds };
}

describe("readChatStream: the contract's example streams (§6.6)", () => {
  it("reads the OpenAI stream: keepalive first, [DONE], then EOF", async () => {
    const events: ChatStreamEvent[] = [];
    const head = '{"id":"chatcmpl-B7x2kQ","object":"chat.completion.chunk","created":1762401000,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_5b3c1a","choices":[{"index":0,';
    const stream = [
      ": keepalive\n\n",
      sse(
        `${head}"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}`,
        `${head}"delta":{"content":"Paris"},"logprobs":null,"finish_reason":null}]}`,
        `${head}"delta":{"content":" is the capital of France."},"logprobs":null,"finish_reason":null}]}`,
        `${head}"delta":{},"logprobs":null,"finish_reason":"stop"}]}`,
        "[DONE]",
      ),
    ];
    const result = await read(stream, { onEvent: (e) => events.push(e) });
    expect(result).toEqual({ text: "Paris is the capital of France.", shape: "openai", finishReason: "stop", usage: null, toolCalls: [], chunkCount: 3, reachedEof: true });
    expect(events).toEqual([
      { type: "keepalive" },
      { type: "text", text: "Paris" },
      { type: "text", text: " is the capital of France." },
      { type: "finish", reason: "stop" },
    ]);
  });

  it("reads the Anthropic stream, which has no [DONE]", async () => {
    const stream = ": keepalive\n\n" + sse(
      '{"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022","content":[],"stop_reason":null,"usage":{"input_tokens":12,"output_tokens":1}}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Paris."}}',
      '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":4}}',
      '{"type":"message_stop"}',
    );
    expect(await read([stream])).toEqual({
      text: "Paris.", shape: "anthropic", finishReason: "end_turn",
      usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 }, toolCalls: [], chunkCount: 3, reachedEof: true,
    });
  });

  it("says when the body did not reach EOF after the end marker: the server may not have closed the job (§6.4)", async () => {
    const whole = sse(oa("Hi"), OA_STOP, "[DONE]");
    const reset = body([whole], { error: new TypeError("terminated") }).body;
    expect(await readChatStream(reset)).toMatchObject({ text: "Hi", reachedEof: false });
    // Cut inside the end marker's blank line: the server never finished writing it.
    expect(await read([whole.slice(0, -1)])).toMatchObject({ text: "Hi", reachedEof: false });
    expect(await read([whole])).toMatchObject({ text: "Hi", reachedEof: true });
  });

  it("reads a Gemini stream, which ends with a finishReason", async () => {
    const stream = sse(
      '{"candidates":[{"content":{"parts":[{"text":"Par"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":5}}',
      '{"candidates":[{"content":{"parts":[{"text":"is."}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":2,"totalTokenCount":7}}',
    );
    expect(await read([stream])).toMatchObject({ text: "Paris.", shape: "gemini", finishReason: "STOP", usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } });
  });

  it("reads OpenAI usage when the provider adds it, and merges tool calls per index", async () => {
    const tc = (i: number, fn: string) => `{"choices":[{"index":0,"delta":{"tool_calls":[{"index":${i},${fn}}]},"finish_reason":null}]}`;
    const result = await read([sse(
      tc(0, '"id":"call_a","type":"function","function":{"name":"weather","arguments":""}'),
      tc(1, '"id":"call_b","type":"function","function":{"name":"time","arguments":"{}"}'),
      tc(0, '"function":{"arguments":"{\\"city\\":"}'),
      tc(0, '"function":{"arguments":"\\"Paris\\"}"}'),
      '{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}',
      "[DONE]",
    )]);
    expect(result.toolCalls).toEqual([
      { index: 0, id: "call_a", name: "weather", arguments: '{"city":"Paris"}' },
      { index: 1, id: "call_b", name: "time", arguments: "{}" },
    ]);
    expect(result).toMatchObject({ finishReason: "tool_calls", usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 }, chunkCount: 5 });
  });

  it("merges an Anthropic tool_use block and its input_json_delta fragments", async () => {
    const result = await read([sse(
      '{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"weather","input":{}}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": "}}',
      '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"\\"Paris\\"}"}}',
      '{"type":"message_stop"}',
    )]);
    expect(result.toolCalls).toEqual([{ index: 0, id: "toolu_1", name: "weather", arguments: '{"city": "Paris"}' }]);
  });
});

describe("readChatStream: framing", () => {
  it("accepts CRLF and CR line endings", async () => {
    const lf = ": keepalive\n\n" + sse(oa("a"), oa("b"), "[DONE]");
    expect((await read([lf.replaceAll("\n", "\r\n")])).text).toBe("ab");
    expect((await read([lf.replaceAll("\n", "\r")])).text).toBe("ab");
    // A CRLF split between two chunks.
    const crlf = lf.replaceAll("\n", "\r\n");
    const at = crlf.indexOf("\r\n", 20) + 1;
    expect((await read([crlf.slice(0, at), crlf.slice(at)])).text).toBe("ab");
  });

  it("ignores garbage, non-object JSON, unknown shapes and event/id/retry fields", async () => {
    const stream = "event: x\nid: 1\nretry: 5\n\n" + sse("not json", "42", "[1,2]", "null", '{"foo":1}', oa("ok"), '{"bar":2}', "[DONE]");
    expect(await read([stream])).toMatchObject({ text: "ok", shape: "openai", chunkCount: 1 });
  });

  it("counts a last event that lacks its blank line", async () => {
    expect((await read([sse(oa("x")) + "data: [DONE]"])).text).toBe("x");
  });

  it("gives the exact text for every split offset of a UTF-8-heavy stream", async () => {
    const texts = ["héllo ", "日本語", "🎉 emoji 👍🏽", "Ω≈ç√ ", "zé"];
    const { all } = layout([": keepalive\n\n", ...texts.map((t) => sse(oa(t))), sse("[DONE]")]);
    const expected = texts.join("");
    for (let i = 0; i <= all.length; i++) {
      expect((await read([all.slice(0, i), all.slice(i)])).text).toBe(expected);
    }
    const oneByteAtATime = Array.from(all, (b) => Uint8Array.of(b));
    expect((await read(oneByteAtATime)).text).toBe(expected);
  });
});

describe("trailingLineBytes", () => {
  it("tracks the open line and spots long lines inside or across chunks", () => {
    expect(trailingLineBytes(bytes("ab\ncd"), 3, 10)).toBe(2);
    expect(trailingLineBytes(bytes("abcd"), 3, 10)).toBe(7);
    expect(trailingLineBytes(bytes("abcd"), 7, 10)).toBe(-1);
    expect(trailingLineBytes(bytes("a\r0123456789\nxy"), 0, 10)).toBe(2);
    expect(trailingLineBytes(bytes("a\n01234567890\nxy"), 0, 10)).toBe(-1);
  });
});


describe("readChatStream: server error events", () => {
  const RATE_LIMIT =
    "500: Failed to call provider API: Client error '429 Too Many Requests' for url 'https://api.openai.com/v1/chat/completions'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429";
  const errorEvent = (e: string) => `data: {"error": ${JSON.stringify(e)}}\n\n`;

  it("turns the §6.6 rate-limit string into a retryable stream_error with the nested status", async () => {
    const { body: b, cancel } = body([": keepalive\n\n", errorEvent(RATE_LIMIT)], { hang: true });
    const e = await failure(readChatStream(b, { endpoint: "createAndCallStream" }));
    expect(e).toMatchObject({ kind: "stream_error", status: 500, permanent: false, retryable: true, partialText: "", detail: RATE_LIMIT });
    expect(e.message).toMatch(/^The stream reported an error \(createAndCallStream\)/);
    expect(e.message).not.toContain("openai.com");
    expect(cancel).toHaveBeenCalled();
  });

  it("keeps the text before an error event, and fails even after [DONE] (§6.4)", async () => {
    const before = await failure(read([sse(oa("Par"), oa("is")), errorEvent("500: Failed to call provider API: timed out")]));
    expect(before).toMatchObject({ kind: "stream_error", partialText: "Paris", retryable: true });
    const after = await failure(read([sse(oa("Paris"), OA_STOP, "[DONE]"), errorEvent("database is locked")]));
    expect(after).toMatchObject({ kind: "stream_error", partialText: "Paris", status: undefined, detail: "database is locked", retryable: true });
  });

  it.each([
    ["500: No provider credentials configured for openai. Please add credentials in the admin dashboard.", 500],
    ["500: Provider routing requires organization context. This is likely a configuration error.", 500],
    ["'Response' object does not support the asynchronous context manager protocol", undefined],
    ["500: Failed to call provider API: Client error '400 Bad Request' for url 'https://x'", 500],
    ["500: Failed to call provider API: Anthropic authentication failed: invalid x-api-key", 500],
    ["500: Failed to call provider API: OpenAI error: context_length_exceeded", 500],
  ])("marks %j as permanent", async (text, status) => {
    const e = await failure(read([errorEvent(text)]));
    expect(e).toMatchObject({ kind: "stream_error", status, permanent: true, retryable: false });
  });

  it.each([
    "500: Failed to call provider API: OpenAI rate limit: Error code: 429 - {}",
    "500: Failed to call provider API: Anthropic error: overloaded",
    "500: Failed to call provider API: Server error '502 Bad Gateway' for url 'https://x'",
  ])("marks %j as retryable", async (text) => {
    expect(await failure(read([errorEvent(text)]))).toMatchObject({ permanent: false, retryable: true });
  });

  it("reads the object form and Anthropic's own error event", async () => {
    const docs = await failure(read([sse(oa("a"), '{"error": {"message": "Upstream failed", "type": "server_error", "code": 502}}')]));
    expect(docs).toMatchObject({ kind: "stream_error", status: 502, detail: "Upstream failed (server_error)", partialText: "a" });
    const anthropic = await failure(read([sse(
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}',
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    )]));
    expect(anthropic).toMatchObject({ kind: "stream_error", detail: "Overloaded (overloaded_error)", partialText: "Hi", retryable: true });
  });

  it("redacts keys from the detail and never puts the detail in the message", async () => {
    const raw = "500: Failed to call provider API: Client error '400' for url 'https://generativelanguage.googleapis.com/v1/x:streamGenerateContent?alt=sse&key=AIzaSyDUMMYDUMMYDUMMY123' with sk-proj-abcdef123456 and vk_live_secret_9";
    const e = await failure(read([errorEvent(raw)], { secrets: ["vk_live_secret_9", undefined] }));
    expect(e.detail).not.toMatch(/AIzaSy|abcdef123456|vk_live_secret_9/);
    expect(e.detail).toContain("key=[redacted]");
    expect(e.detail).toContain("sk-[redacted]");
    expect(JSON.stringify(e)).not.toMatch(/AIzaSy|abcdef123456|vk_live_secret_9/);
    expect(e.message).toBe("The stream reported an error [HTTP 500]: retrying will not help");
  });
});

describe("readChatStream: interrupted streams", () => {
  it("rejects an empty 200 body", async () => {
    expect(await failure(read([]))).toMatchObject({ kind: "stream_interrupted", partialText: "", retryable: true });
  });

  it("rejects a stream that ends before its end marker, for each shape", async () => {
    expect(await failure(read([": keepalive\n\n" + sse(oa("Par"), OA_STOP)]))).toMatchObject({ kind: "stream_interrupted", partialText: "Par" });
    const anthropic = sse('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}');
    expect((await failure(read([anthropic]))).message).toContain("message_stop");
    const gemini = sse('{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}]}');
    expect(await failure(read([gemini]))).toMatchObject({ kind: "stream_interrupted", partialText: "Hi" });
  });

  it("gives exactly the delivered text for every cut offset (mid-line, mid-character)", async () => {
    const texts = ["héllo ", "日本語", "🎉👍🏽", " done"];
    const { all, lineEnds } = layout([": keepalive\n\n", ...texts.map((t) => sse(oa(t))), sse("[DONE]")]);
    const doneEnd = lineEnds[texts.length]!;
    for (let cut = 0; cut < all.length; cut++) {
      const chunks = [all.slice(0, cut >> 1), all.slice(cut >> 1, cut)];
      const expected = texts.filter((_, i) => lineEnds[i]! <= cut).join("");
      if (cut >= doneEnd) {
        expect((await read(chunks)).text).toBe(expected);
      } else {
        const e = await failure(read(chunks));
        expect([e.kind, e.partialText]).toEqual(["stream_interrupted", expected]);
      }
    }
  });

  it("treats a connection reset as interrupted, with the read error as cause", async () => {
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    const { body: b } = body([sse(oa("Hello"), oa(" wor")), "data: {\"choi"], { error: reset });
    const e = await failure(readChatStream(b));
    expect(e).toMatchObject({ kind: "stream_interrupted", partialText: "Hello wor", retryable: true });
    expect(e.cause).toBe(reset);
  });

  it("resolves when the connection resets after the end marker", async () => {
    const { body: b } = body([sse(oa("Paris"), OA_STOP, "[DONE]")], { error: new Error("socket hang up") });
    expect(await readChatStream(b)).toMatchObject({ text: "Paris", finishReason: "stop" });
  });

  it("times out when the body goes quiet, and cancels it", async () => {
    const { body: b, cancel } = body([": keepalive\n\n", sse(oa("Hi"))], { hang: true });
    const e = await failure(readChatStream(b, { idleTimeoutMs: 30 }));
    expect(e).toMatchObject({ kind: "stream_interrupted", partialText: "Hi" });
    expect(e.cause).toMatchObject({ kind: "timeout" });
    expect(cancel).toHaveBeenCalled();
  });

  it("counts every chunk, keepalives included, as activity", async () => {
    const chunks = [...Array.from({ length: 8 }, () => ": keepalive\n\n"), sse(oa("ok"), "[DONE]")];
    const { body: b } = body(chunks, { gapMs: 10 });
    expect((await readChatStream(b, { idleTimeoutMs: 60 })).text).toBe("ok");
  });

  it("rejects a line longer than maxLineBytes, within one chunk or across many", async () => {
    const long = sse(oa("x".repeat(200)));
    const one = await failure(read([sse(oa("a")), long], { maxLineBytes: 100 }));
    expect(one).toMatchObject({ kind: "bad_response", partialText: "a" });
    expect(one.message).toContain("longer than 100 bytes");
    const { body: b, cancel } = body([sse(oa("b")), ...long.match(/.{1,10}/gs)!], { hang: true });
    expect(await failure(readChatStream(b, { maxLineBytes: 100 }))).toMatchObject({ kind: "bad_response", partialText: "b" });
    expect(cancel).toHaveBeenCalled();
    expect((await read([long, "data: [DONE]\n\n"], { maxLineBytes: 300 })).text).toHaveLength(200);
  });
});

describe("readChatStream: abort and cleanup", () => {
  it("rejects at once when the signal is already aborted, and cancels the body", async () => {
    const { body: b, cancel } = body([sse(oa("x"), "[DONE]")]);
    const e = await failure(readChatStream(b, { signal: AbortSignal.abort() }));
    expect(e).toMatchObject({ kind: "aborted", partialText: "", retryable: false });
    expect(cancel).toHaveBeenCalled();
  });

  it("rejects with the partial text when aborted while reading, and removes its listener", async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const { body: b, cancel } = body([sse(oa("Hel"), oa("lo"))], { hang: true });
    const done = readChatStream(b, { signal: controller.signal, idleTimeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 20);
    const e = await failure(done);
    expect(e).toMatchObject({ kind: "aborted", partialText: "Hello" });
    expect(cancel).toHaveBeenCalled();
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
  });

  it("aborts from inside onEvent", async () => {
    const controller = new AbortController();
    const onEvent = (ev: ChatStreamEvent) => ev.type === "text" && controller.abort();
    const { body: b } = body([sse(oa("a")), sse(oa("b"), "[DONE]")], { hang: true });
    expect(await failure(readChatStream(b, { signal: controller.signal, onEvent }))).toMatchObject({ kind: "aborted", partialText: "a" });
  });

  it("clears its idle timer on success and passes onEvent errors through", async () => {
    vi.useFakeTimers();
    try {
      await read([sse(oa("a"), "[DONE]")], { idleTimeoutMs: 60_000 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    const boom = new Error("boom");
    const { body: b, cancel } = body([sse(oa("a"))], { hang: true });
    await expect(readChatStream(b, { onEvent: () => { throw boom; } })).rejects.toBe(boom);
    expect(cancel).toHaveBeenCalled();
  });
});

describe("readChatStream: onText, the text once per read", () => {
  it("hands each read's deltas over in one call, in order, and keeps text out of onEvent", async () => {
    const calls: string[][] = [];
    const events: ChatStreamEvent["type"][] = [];
    const result = await read([sse(oa("a"), oa("b"), oa("c")), sse(oa("d")) + ": keepalive\n\n", sse(OA_STOP, "[DONE]")], {
      onText: (deltas) => calls.push([...deltas]),
      onEvent: (e) => events.push(e.type),
    });
    expect(calls).toEqual([["a", "b", "c"], ["d"]]);
    expect(events).toEqual(["keepalive", "finish"]);
    expect(result.text).toBe("abcd");
    expect(result.chunkCount).toBe(5);
  });

  it("delivers the deltas that came before an error event in the same read before it rejects", async () => {
    const calls: string[][] = [];
    const error = await failure(read([sse(oa("kept "), oa("too"), '{"error":"Stream error: boom"}')], { onText: (deltas) => calls.push([...deltas]) }));
    expect(calls).toEqual([["kept ", "too"]]);
    expect(error.kind).toBe("stream_error");
    expect(error.partialText).toBe("kept too");
  });

  it("gives the exact text when every read cuts a UTF-8 character or a line", async () => {
    const wire = enc.encode(sse(oa("wörld 🚀 "), oa("日本語 "), oa("👩‍💻"), OA_STOP, "[DONE]"));
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < wire.length; i += 3) pieces.push(wire.slice(i, i + 3));
    let text = "";
    await read(pieces, { onText: (deltas) => (text += deltas.join("")) });
    expect(text).toBe("wörld 🚀 日本語 👩‍💻");
  });
});
