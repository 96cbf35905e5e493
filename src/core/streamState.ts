import { createParser } from "eventsource-parser";
import { detectShape, isRecord, plainOpenAIText, readShapedPayload, type ShapeSink } from "./streamShapes";
import { streamError, type StreamErrorContext } from "./streamErrors";
import type { ChatStreamEvent, ChatStreamResult, StreamShape, ToolCallDelta, Usage } from "./types";

/** The answer a stream has carried so far, read from its provider payloads. */
interface Answer extends ShapeSink {
  shape: StreamShape;
  /** The shape's end marker (or `[DONE]`) arrived. */
  ended: boolean;
  /** The text deltas, in order. */
  readonly parts: readonly string[];
  /** Every character of answer text received so far. */
  partialText(): string;
  /** Reads one provider payload (not an error event). */
  read(payload: Record<string, unknown>): void;
  result(reachedEof: boolean): ChatStreamResult;
}

/** What readChatStream reads from a stream's state. */
export interface StreamState extends Answer {
  /** A `data:` event arrived. */
  sawData: boolean;
  /**
   * Parses decoded body text. With `onText`, then hands it the text deltas that text carried, in one call
   * (also when parsing threw, so they arrive before the rejection).
   */
  feed(text: string): void;
}

/**
 * What one chat stream has produced so far. Fed decoded SSE text; throws a `stream_error` SaaSLLMError for an
 * error event. Internal to readChatStream. Closures, not classes: their private state minifies to one-letter
 * locals. With `onText`, text deltas are not sent to `onEvent` one by one but to `onText` once per `feed`.
 */
export function createStreamState(
  ctx: StreamErrorContext,
  onEvent?: (event: ChatStreamEvent) => void,
  onText?: (deltas: readonly string[]) => void,
): StreamState {
  const answer = createAnswer(onEvent, onText ? undefined : onEvent);
  // Deltas already handed to onText.
  let taken = 0;
  // Once per stream, not per chunk. One call per event down to the answer: nearly every chunk is plain OpenAI text.
  const parser = createParser({
    onEvent: ({ data }) => {
      state.sawData = true;
      if (data === "[DONE]") return void (state.ended = true);
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        // Not JSON: the server should have dropped it.
        return;
      }
      if (!isRecord(payload)) return;
      // Checked before the shape: Anthropic's own error event also has a `type`.
      if (payload.error != null) throw streamError(payload.error, state.partialText(), ctx);
      state.read(payload);
    },
    onComment: () => onEvent?.({ type: "keepalive" }),
  });
  const state = Object.assign(answer, {
    sawData: false,
    feed(text: string) {
      try {
        parser.feed(text);
      } finally {
        const { parts } = answer;
        // `taken` moves before the call: a throwing onText ends the stream anyway.
        if (onText && taken < parts.length) onText(parts.slice(taken, (taken = parts.length)));
      }
    },
  });
  return state;
}

/** The answer of one stream; text deltas go to `onTextEvent`, everything else to `onEvent`. */
function createAnswer(onEvent: ((event: ChatStreamEvent) => void) | undefined, onTextEvent: typeof onEvent): Answer {
  let finishReason: string | null = null;
  let usage: Usage | null = null;
  let chunkCount = 0;
  // Sink calls that reported something: a payload that made one counts as a chunk.
  let events = 0;
  // Text parts are joined once at the end: `+=` per delta would copy the text again and again.
  const parts: string[] = [];
  const calls = new Map<number, ToolCallDelta>();
  const partialText = () => parts.join("");
  const answer: Answer = {
    shape: "unknown",
    ended: false,
    parts,
    get toolCallCount() {
      return calls.size;
    },
    partialText,
    read(payload) {
      const before = events;
      const text = answer.shape === "openai" ? plainOpenAIText(payload) : undefined;
      if (text !== undefined) answer.text(text);
      else {
        if (answer.shape === "unknown") answer.shape = detectShape(payload) ?? "unknown";
        readShapedPayload(answer.shape, payload, answer);
      }
      if (events !== before) chunkCount++;
    },
    text(text) {
      events++;
      parts.push(text);
      onTextEvent?.({ type: "text", text });
    },
    end() {
      answer.ended = true;
    },
    finish(reason) {
      events++;
      finishReason = reason;
      onEvent?.({ type: "finish", reason });
    },
    toolCall(delta) {
      events++;
      mergeToolCall(calls, delta);
      onEvent?.({ type: "tool_call", delta });
    },
    usage(next) {
      events++;
      usage = mergeUsage(usage, next);
      onEvent?.({ type: "usage", usage });
    },
    result: (reachedEof) => {
      const toolCalls = [...calls.values()].sort((a, b) => a.index - b.index);
      return { text: partialText(), shape: answer.shape, finishReason, usage, toolCalls, chunkCount, reachedEof };
    },
  };
  return answer;
}

/** Adds a tool-call fragment to the call of its index. */
function mergeToolCall(calls: Map<number, ToolCallDelta>, delta: ToolCallDelta): void {
  const merged = calls.get(delta.index);
  if (merged === undefined) {
    calls.set(delta.index, { ...delta, arguments: delta.arguments ?? "" });
  } else {
    if (delta.id !== undefined) merged.id = delta.id;
    if (delta.name !== undefined) merged.name = delta.name;
    if (delta.arguments) merged.arguments += delta.arguments;
  }
}

/** A partial usage report over the earlier ones; the total is the sum when the report has none. */
function mergeUsage(prev: Usage | null, next: Usage): Usage {
  const prompt = next.prompt_tokens ?? prev?.prompt_tokens;
  const completion = next.completion_tokens ?? prev?.completion_tokens;
  const sum = prompt !== undefined && completion !== undefined ? prompt + completion : undefined;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: next.total_tokens ?? sum ?? prev?.total_tokens };
}
