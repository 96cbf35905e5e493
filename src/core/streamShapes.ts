import type { StreamShape, ToolCallDelta, Usage } from "./types";

/** Where a shape reader puts what it found in one provider payload. */
export interface ShapeSink {
  text(text: string): void;
  toolCall(delta: ToolCallDelta): void;
  finish(reason: string): void;
  /** A partial usage report; the sink merges it with earlier ones. */
  usage(usage: Usage): void;
  /** The shape's end marker arrived (`message_stop`, a Gemini `finishReason`). */
  end(): void;
  /** Tool calls seen so far: Gemini sends whole calls without an index, so they are numbered in order. */
  readonly toolCallCount: number;
}

type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * The provider shape of a payload (docs/wire-protocol.md, "Streams"): `choices` means OpenAI or Fireworks,
 * `type` means Anthropic, `candidates` (or a bare `promptFeedback`) means Gemini.
 * Returns `undefined` for a payload that tells nothing.
 */
export function detectShape(payload: Json): StreamShape | undefined {
  if (Array.isArray(payload.choices)) return "openai";
  if (typeof payload.type === "string") return "anthropic";
  if (Array.isArray(payload.candidates) || isRecord(payload.promptFeedback)) return "gemini";
  return undefined;
}

/**
 * Reads one payload of a known shape into `sink`. The payload need not match the shape:
 * unknown fields, other shapes and malformed parts are skipped, never thrown on.
 */
export function readShapedPayload(shape: StreamShape, payload: Json, sink: ShapeSink): void {
  READERS[shape]?.(payload, sink);
}

/**
 * The text of a plain OpenAI text chunk (one choice, index 0, a non-empty `delta.content` and nothing else to
 * report), or `undefined` for any other payload, which readShapedPayload then reads in full. Nearly every
 * chunk of an answer is plain, and a first answer runs before the JIT has compiled the reader: this short
 * path is what a typical chunk costs (bench/PROFILE.md).
 */
export function plainOpenAIText(p: Json): string | undefined {
  const choices = p.choices;
  if (!Array.isArray(choices) || choices.length !== 1 || p.usage != null) return undefined;
  const choice = choices[0] as Json | null | undefined;
  const delta = choice?.delta as Json | null | undefined;
  const content = delta?.content;
  if (typeof content !== "string" || content === "" || delta?.tool_calls != null) return undefined;
  return choice?.finish_reason == null && (choice?.index === undefined || choice.index === 0) ? content : undefined;
}

/** Reports `text` when it is a non-empty string. */
function sayText(sink: ShapeSink, text: unknown): void {
  if (typeof text === "string" && text !== "") sink.text(text);
}

/** Reports `u` as usage when it is a record, from the provider's names for the prompt, completion and total counts. */
function sayUsage(sink: ShapeSink, u: unknown, prompt: string, completion: string, total?: string): void {
  if (isRecord(u)) sink.usage({ prompt_tokens: num(u[prompt]), completion_tokens: num(u[completion]), total_tokens: total ? num(u[total]) : undefined });
}

/** `chat.completion.chunk`: only choice 0 is read (the client never asks for `n > 1`). */
function readOpenAI(p: Json, sink: ShapeSink): void {
  const choices = p.choices;
  if (!Array.isArray(choices)) return;
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i];
    if (!isRecord(choice) || (choice.index !== undefined && choice.index !== 0)) continue;
    const delta = choice.delta;
    if (isRecord(delta)) {
      sayText(sink, delta.content);
      if (Array.isArray(delta.tool_calls)) readOpenAIToolCalls(delta.tool_calls, sink);
    }
    const reason = choice.finish_reason;
    if (typeof reason === "string") sink.finish(reason);
  }
  sayUsage(sink, p.usage, "prompt_tokens", "completion_tokens", "total_tokens");
}

function readOpenAIToolCalls(calls: unknown[], sink: ShapeSink): void {
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    if (!isRecord(call)) continue;
    const fn = isRecord(call.function) ? call.function : undefined;
    sink.toolCall({ index: num(call.index) ?? i, id: str(call.id), name: str(fn?.name), arguments: str(fn?.arguments) });
  }
}

/** Messages-API events. The tool-call index is the content block index. */
function readAnthropic(p: Json, sink: ShapeSink): void {
  switch (p.type) {
    case "content_block_delta": {
      const delta = p.delta;
      if (!isRecord(delta)) return;
      if (delta.type === "text_delta") sayText(sink, delta.text);
      else if (delta.type === "input_json_delta") sink.toolCall({ index: num(p.index) ?? 0, arguments: str(delta.partial_json) ?? "" });
      return;
    }
    case "content_block_start": {
      const block = p.content_block;
      if (!isRecord(block)) return;
      if (block.type === "tool_use") sink.toolCall({ index: num(p.index) ?? 0, id: str(block.id), name: str(block.name) });
      else if (block.type === "text") sayText(sink, block.text);
      return;
    }
    case "message_start":
      sayUsage(sink, isRecord(p.message) ? p.message.usage : undefined, "input_tokens", "output_tokens");
      return;
    case "message_delta": {
      const reason = isRecord(p.delta) ? p.delta.stop_reason : undefined;
      if (typeof reason === "string") sink.finish(reason);
      sayUsage(sink, p.usage, "input_tokens", "output_tokens");
      return;
    }
    case "message_stop":
      sink.end();
      return;
    default:
    // ping, content_block_stop and future event types carry nothing we report.
  }
}

/** `GenerateContentResponse` chunks: candidate 0 only; thought parts are not answer text. */
function readGemini(p: Json, sink: ShapeSink): void {
  const candidate = Array.isArray(p.candidates) ? p.candidates[0] : undefined;
  let reason: string | undefined;
  if (isRecord(candidate)) {
    const parts = isRecord(candidate.content) ? candidate.content.parts : undefined;
    if (Array.isArray(parts)) {
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (!isRecord(part) || part.thought === true) continue;
        sayText(sink, part.text);
        const call = part.functionCall;
        if (isRecord(call)) {
          sink.toolCall({ index: sink.toolCallCount, id: str(call.id), name: str(call.name), arguments: JSON.stringify(call.args ?? {}) });
        }
      }
    }
    reason = str(candidate.finishReason);
  } else if (isRecord(p.promptFeedback)) {
    // A blocked prompt gets no candidates at all: the block reason is the finish reason.
    reason = str(p.promptFeedback.blockReason);
  }
  sayUsage(sink, p.usageMetadata, "promptTokenCount", "candidatesTokenCount", "totalTokenCount");
  if (reason !== undefined) {
    sink.finish(reason);
    sink.end();
  }
}

const READERS: Partial<Record<StreamShape, (payload: Json, sink: ShapeSink) => void>> = { openai: readOpenAI, anthropic: readAnthropic, gemini: readGemini };
