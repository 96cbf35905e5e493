import { detectShape, plainOpenAIText, readShapedPayload, type ShapeSink } from "./streamShapes";
import { streamError, type StreamErrorContext } from "./streamErrors";
import type { ChatStreamEvent, ChatStreamResult, StreamShape, ToolCallDelta, Usage } from "./types";

/** What readChatStream reads from a stream's state. */
export interface StreamState extends ShapeSink {
  shape: StreamShape;
  /** The shape's end marker (or `[DONE]`) arrived. */
  ended: boolean;
  /** Every character of answer text received so far. */
  partialText(): string;
  /** Handles one `data` payload. */
  data(payload: string): void;
  /** The text deltas received since the last call (for batched `onText` delivery); empty when none. */
  takeNewText(): readonly string[];
  keepalive(): void;
  result(): Omit<ChatStreamResult, "reachedEof">;
}

// A read with no text (a keepalive, a usage chunk) allocates nothing.
const NO_TEXT: readonly string[] = [];

/**
 * What one chat stream has produced so far. Fed one SSE `data` payload at a time; throws a
 * `stream_error` SaaSLLMError for an error event. Internal to readChatStream. A closure, not a class:
 * its private state minifies to one-letter locals. With `batchedText`, text deltas are not sent to
 * `onEvent` one by one: the reader collects them with `takeNewText()` once per network read.
 */
export function createStreamState(onEvent: ((event: ChatStreamEvent) => void) | undefined, ctx: StreamErrorContext, batchedText = false): StreamState {
  let finishReason: string | null = null;
  let usageValue: Usage | null = null;
  let chunkCount = 0;
  // Text parts are joined once at the end: `+=` per delta would copy the text again and again.
  const parts: string[] = [];
  const calls = new Map<number, ToolCallDelta>();
  let events = 0;
  let taken = 0;
  const partialText = () => parts.join("");
  const onTextEvent = batchedText ? undefined : onEvent;

  const state: StreamState = {
    shape: "unknown",
    ended: false,
    get toolCallCount() {
      return calls.size;
    },
    partialText,
    takeNewText() {
      const fresh = taken === parts.length ? NO_TEXT : parts.slice(taken);
      taken = parts.length;
      return fresh;
    },
    data(payload) {
      if (payload === "[DONE]") {
        state.ended = true;
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(payload);
      } catch {
        // Not JSON: the server should have dropped it.
        return;
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return;
      const record = parsed as Record<string, unknown>;
      // Checked before the shape: Anthropic's own error event also has a `type`.
      if (record.error !== undefined && record.error !== null) throw streamError(record.error, partialText(), ctx);
      if (state.shape === "openai") {
        const text = plainOpenAIText(record);
        if (text !== undefined) {
          state.text(text);
          chunkCount++;
          return;
        }
      }
      if (state.shape === "unknown") state.shape = detectShape(record) ?? "unknown";
      const before = events;
      readShapedPayload(state.shape, record, state);
      if (events !== before) chunkCount++;
    },
    keepalive() {
      onEvent?.({ type: "keepalive" });
    },

    // ShapeSink: called by the shape readers.

    text(text) {
      events++;
      parts.push(text);
      onTextEvent?.({ type: "text", text });
    },
    end() {
      state.ended = true;
    },
    finish(reason) {
      events++;
      finishReason = reason;
      onEvent?.({ type: "finish", reason });
    },
    toolCall(delta) {
      events++;
      const merged = calls.get(delta.index);
      if (merged === undefined) {
        calls.set(delta.index, { ...delta, arguments: delta.arguments ?? "" });
      } else {
        if (delta.id !== undefined) merged.id = delta.id;
        if (delta.name !== undefined) merged.name = delta.name;
        if (delta.arguments) merged.arguments += delta.arguments;
      }
      onEvent?.({ type: "tool_call", delta });
    },
    usage(usage) {
      events++;
      const prev = usageValue ?? {};
      const prompt = usage.prompt_tokens ?? prev.prompt_tokens;
      const completion = usage.completion_tokens ?? prev.completion_tokens;
      const sum = prompt !== undefined && completion !== undefined ? prompt + completion : undefined;
      const merged: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: usage.total_tokens ?? sum ?? prev.total_tokens };
      usageValue = merged;
      onEvent?.({ type: "usage", usage: merged });
    },
    result() {
      const toolCalls = [...calls.values()].sort((a, b) => a.index - b.index);
      return { text: partialText(), shape: state.shape, finishReason, usage: usageValue, toolCalls, chunkCount };
    },
  };
  return state;
}
