import { detectShape, readShapedPayload, type ShapeSink } from "./streamShapes";
import { streamError, type StreamErrorContext } from "./streamErrors";
import type { ChatStreamEvent, ChatStreamResult, StreamShape, ToolCallDelta, Usage } from "./types";

/**
 * What one chat stream has produced so far. Fed one SSE `data` payload at a time; throws a
 * `stream_error` SaaSLLMError for an error event. Internal to readChatStream.
 */
export class StreamState implements ShapeSink {
  shape: StreamShape = "unknown";
  /** The shape's end marker (or `[DONE]`) arrived. */
  ended = false;
  finishReason: string | null = null;
  usageValue: Usage | null = null;
  chunkCount = 0;
  /** `data:` payloads that were not JSON objects (the server should have dropped them). */
  ignored = 0;
  // Text parts are joined once at the end: `+=` per delta would copy the text again and again.
  private readonly parts: string[] = [];
  private readonly calls = new Map<number, ToolCallDelta>();
  private events = 0;

  constructor(
    private readonly onEvent: ((event: ChatStreamEvent) => void) | undefined,
    private readonly ctx: StreamErrorContext,
  ) {}

  get toolCallCount(): number {
    return this.calls.size;
  }

  /** Every character of answer text received so far. */
  partialText(): string {
    return this.parts.join("");
  }

  /** Handles one `data` payload. */
  data(payload: string): void {
    if (payload === "[DONE]") {
      this.ended = true;
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      this.ignored++;
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      this.ignored++;
      return;
    }
    const record = parsed as Record<string, unknown>;
    // Checked before the shape: Anthropic's own error event also has a `type`.
    if (record.error !== undefined && record.error !== null) throw streamError(record.error, this.partialText(), this.ctx);
    if (this.shape === "unknown") this.shape = detectShape(record) ?? "unknown";
    const before = this.events;
    readShapedPayload(this.shape, record, this);
    if (this.events !== before) this.chunkCount++;
  }

  keepalive(): void {
    this.onEvent?.({ type: "keepalive" });
  }

  // ShapeSink: called by the shape readers.

  text(text: string): void {
    this.events++;
    this.parts.push(text);
    this.onEvent?.({ type: "text", text });
  }

  end(): void {
    this.ended = true;
  }

  finish(reason: string): void {
    this.events++;
    this.finishReason = reason;
    this.onEvent?.({ type: "finish", reason });
  }

  toolCall(delta: ToolCallDelta): void {
    this.events++;
    const merged = this.calls.get(delta.index);
    if (merged === undefined) {
      this.calls.set(delta.index, { ...delta, arguments: delta.arguments ?? "" });
    } else {
      if (delta.id !== undefined) merged.id = delta.id;
      if (delta.name !== undefined) merged.name = delta.name;
      if (delta.arguments) merged.arguments += delta.arguments;
    }
    this.onEvent?.({ type: "tool_call", delta });
  }

  usage(usage: Usage): void {
    this.events++;
    const prev = this.usageValue ?? {};
    const prompt = usage.prompt_tokens ?? prev.prompt_tokens;
    const completion = usage.completion_tokens ?? prev.completion_tokens;
    const sum = prompt !== undefined && completion !== undefined ? prompt + completion : undefined;
    const merged: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: usage.total_tokens ?? sum ?? prev.total_tokens };
    this.usageValue = merged;
    this.onEvent?.({ type: "usage", usage: merged });
  }

  result(): Omit<ChatStreamResult, "reachedEof"> {
    const toolCalls = [...this.calls.values()].sort((a, b) => a.index - b.index);
    return { text: this.partialText(), shape: this.shape, finishReason: this.finishReason, usage: this.usageValue, toolCalls, chunkCount: this.chunkCount };
  }
}
