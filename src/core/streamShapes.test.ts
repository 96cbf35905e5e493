import { describe, expect, it } from "vitest";
import { detectShape, plainOpenAIText, readShapedPayload, type ShapeSink } from "./streamShapes";
import type { StreamShape, ToolCallDelta, Usage } from "./types";

type Logged = ["text", string] | ["tool", ToolCallDelta] | ["finish", string] | ["usage", Usage] | ["end"];

function recorder() {
  const log: Logged[] = [];
  let calls = 0;
  const sink: ShapeSink = {
    text: (t) => log.push(["text", t]),
    toolCall: (d) => {
      calls++;
      log.push(["tool", d]);
    },
    finish: (r) => log.push(["finish", r]),
    usage: (u) => log.push(["usage", u]),
    end: () => log.push(["end"]),
    get toolCallCount() {
      return calls;
    },
  };
  const read = (shape: StreamShape, json: string) => readShapedPayload(shape, JSON.parse(json) as Record<string, unknown>, sink);
  return { log, read };
}

describe("detectShape", () => {
  it.each([
    ['{"choices":[]}', "openai"],
    ['{"type":"ping"}', "anthropic"],
    ['{"candidates":[]}', "gemini"],
    ['{"promptFeedback":{"blockReason":"SAFETY"}}', "gemini"],
    ['{"id":"x"}', undefined],
    ['{"type":1}', undefined],
  ])("%s -> %s", (json, shape) => {
    expect(detectShape(JSON.parse(json) as Record<string, unknown>)).toBe(shape);
  });
});

describe("readShapedPayload: openai", () => {
  it("reads content, skips empty content and other choices, reports finish and usage", () => {
    const { log, read } = recorder();
    read("openai", '{"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}');
    read("openai", '{"choices":[{"index":0,"delta":{"content":"Hi"}},{"index":1,"delta":{"content":"other"}}]}');
    read("openai", '{"choices":[{"index":0,"delta":{},"finish_reason":"length"}]}');
    read("openai", '{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":5,"total_tokens":8}}');
    expect(log).toEqual([
      ["text", "Hi"],
      ["finish", "length"],
      ["usage", { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 }],
    ]);
  });

  it("reports tool-call fragments with their index", () => {
    const { log, read } = recorder();
    read("openai", '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}');
    read("openai", '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":"}}]}}]}');
    expect(log).toEqual([
      ["tool", { index: 0, id: "call_1", name: "get_weather", arguments: "" }],
      ["tool", { index: 0, id: undefined, name: undefined, arguments: '{"city":' }],
    ]);
  });

  it("survives malformed choices", () => {
    const { log, read } = recorder();
    read("openai", '{"choices":[null,1,"x",{"delta":null},{"delta":{"content":7,"tool_calls":[null]}}]}');
    expect(log).toEqual([]);
  });
});

describe("plainOpenAIText (the short path for a text-only chunk)", () => {
  // Each payload: does the short path take it? Whatever it takes, the full reader must read as that text alone.
  it.each([
    ['{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}', "Hi"],
    ['{"choices":[{"delta":{"content":"é🙂"}}]}', "é🙂"],
    ['{"choices":[{"index":0,"delta":{"content":"a","tool_calls":null,"function_call":null},"logprobs":null}],"usage":null}', "a"],
    ['{"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}', undefined],
    ['{"choices":[{"index":0,"delta":{"content":"end"},"finish_reason":"stop"}]}', undefined],
    ['{"choices":[{"index":0,"delta":{"content":"u"}}],"usage":{"prompt_tokens":1}}', undefined],
    ['{"choices":[{"index":0,"delta":{"content":"t","tool_calls":[{"index":0,"function":{"arguments":"{"}}]}}]}', undefined],
    ['{"choices":[{"index":1,"delta":{"content":"other"}}]}', undefined],
    ['{"choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b"}}]}', undefined],
    ['{"choices":[null]}', undefined],
    ['{"choices":["x"]}', undefined],
    ['{"choices":[{"delta":null}]}', undefined],
    ['{"choices":[{"delta":{"content":7}}]}', undefined],
    ['{"choices":{"0":{"delta":{"content":"a"}}}}', undefined],
  ])("%s -> %s", (json, text) => {
    const payload = JSON.parse(json) as Record<string, unknown>;
    expect(plainOpenAIText(payload)).toBe(text);
    if (text === undefined) return;
    const { log, read } = recorder();
    read("openai", json);
    expect(log).toEqual([["text", text]]);
  });
});

describe("readShapedPayload: anthropic", () => {
  it("reads text, tool use, stop reason, usage and the end marker; ignores ping", () => {
    const { log, read } = recorder();
    read("anthropic", '{"type":"message_start","message":{"usage":{"input_tokens":12,"output_tokens":1}}}');
    read("anthropic", '{"type":"ping"}');
    read("anthropic", '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}');
    read("anthropic", '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check."}}');
    read("anthropic", '{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}}');
    read("anthropic", '{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\""}}');
    read("anthropic", '{"type":"content_block_delta","index":1,"delta":{"type":"thinking_delta","thinking":"hm"}}');
    read("anthropic", '{"type":"content_block_stop","index":1}');
    read("anthropic", '{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":9}}');
    read("anthropic", '{"type":"message_stop"}');
    expect(log).toEqual([
      ["usage", { prompt_tokens: 12, completion_tokens: 1 }],
      ["text", "Let me check."],
      ["tool", { index: 1, id: "toolu_1", name: "get_weather" }],
      ["tool", { index: 1, arguments: '{"city"' }],
      ["finish", "tool_use"],
      ["usage", { prompt_tokens: undefined, completion_tokens: 9 }],
      ["end"],
    ]);
  });
});

describe("readShapedPayload: gemini", () => {
  it("reads parts, skips thoughts, numbers function calls, ends on finishReason", () => {
    const { log, read } = recorder();
    read("gemini", '{"candidates":[{"content":{"parts":[{"text":"hidden","thought":true},{"text":"Par"}],"role":"model"}}]}');
    read("gemini", '{"candidates":[{"content":{"parts":[{"functionCall":{"name":"f","args":{"a":1}}}]}}]}');
    read(
      "gemini",
      '{"candidates":[{"content":{"parts":[{"text":"is."}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":2,"totalTokenCount":6}}',
    );
    expect(log).toEqual([
      ["text", "Par"],
      ["tool", { index: 0, id: undefined, name: "f", arguments: '{"a":1}' }],
      ["text", "is."],
      ["usage", { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 }],
      ["finish", "STOP"],
      ["end"],
    ]);
  });

  it("treats a blocked prompt as finished", () => {
    const { log, read } = recorder();
    read("gemini", '{"promptFeedback":{"blockReason":"SAFETY"}}');
    expect(log).toEqual([["finish", "SAFETY"], ["end"]]);
  });
});

it("ignores payloads for the unknown shape", () => {
  const { log, read } = recorder();
  read("unknown", '{"choices":[{"delta":{"content":"x"}}]}');
  expect(log).toEqual([]);
});

it("skips a payload that does not match the detected shape", () => {
  const { log, read } = recorder();
  read("openai", '{"type":"message_stop"}');
  read("anthropic", '{"choices":[{"delta":{"content":"x"}}]}');
  read("gemini", '{"candidates":"nope","usageMetadata":null}');
  expect(log).toEqual([]);
});
