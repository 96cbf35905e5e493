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
    expect(result).toEqual({ text: "Paris is the capital of France.", shape: "openai", finishReason: "stop", usage: null, toolCalls: [], chunkCount: 3 });
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
      usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 }, toolCalls: [], chunkCount: 3,
    });
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

