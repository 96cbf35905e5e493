import { timeoutError } from "./errorFactories";
import type { SaaSLLMErrorKind } from "./SaaSLLMError";
import { streamFailure, type StreamFailureInit } from "./streamErrors";
import { createStreamState, type StreamState } from "./streamState";
import { watchStream } from "./streamWatch";
import type { ChatStreamEvent, ChatStreamResult } from "./types";

/** Options for {@link readChatStream}. */
export interface ReadChatStreamOptions {
  /** Aborting rejects with kind `aborted` (with `partialText`) and cancels the body. */
  signal?: AbortSignal;
  /**
   * Longest allowed gap between two body chunks once the first `data:` event arrived. Before it, silence
   * is the provider generating: the upstream sends `: keepalive`, then the whole answer in one burst, so a
   * quiet stream is not stalled until then (bound that wait with the request's timeout or `signal`).
   * @default undefined (no idle limit)
   */
  idleTimeoutMs?: number;
  /**
   * Longest allowed SSE line, in bytes. A longer line rejects with kind `bad_response`.
   * @default 1048576 (1 MiB)
   */
  maxLineBytes?: number;
  endpoint?: string;
  requestId?: string;
  /** Exact strings (the virtual key in use) redacted from error details. */
  secrets?: ReadonlyArray<string | undefined>;
  /** Called synchronously for every text delta (unless `onText` is set), tool-call delta, finish, usage and keepalive. */
  onEvent?: (event: ChatStreamEvent) => void;
  /**
   * The text as it arrives, once per network read: the deltas that read carried, in order (never empty).
   * Far cheaper than a call per delta when a read holds many, which is what a renderer wants; with it set,
   * `onEvent` gets no `text` events. Also called with the deltas that came before an error, before it rejects.
   */
  onText?: (deltas: readonly string[]) => void;
}

/** 1 MiB: far above any provider chunk, low enough to stop a runaway line from eating memory. */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const LF = 10;
const CR = 13;
const noop = () => {};

/**
 * Reads an SSE chat stream (docs/wire-protocol.md, "Streams") from a 200 body and resolves with the whole answer.
 * Understands OpenAI/Fireworks, Anthropic and Gemini chunks. Resolves only when the shape's end marker
 * arrived (`[DONE]`, `message_stop`, a Gemini `finishReason`) and the body reached EOF; rejects with a
 * SaaSLLMError of kind `stream_error` (error event, even after `[DONE]`), `stream_interrupted` (early end,
 * read error, idle timeout), `aborted` or `bad_response` (line too long), always with `partialText`.
 * The body is cancelled on every failure path. Errors thrown by `onEvent` reject the call as they are.
 *
 * @example
 * const res = await fetch(url, { method: "POST", headers, body, signal });
 * if (!res.ok) throw await classifyResponse(res, { endpoint: "createAndCallStream" });
 * const { text } = await readChatStream(res.body!, { signal, idleTimeoutMs: 180_000, onEvent });
 */
export function readChatStream(body: ReadableStream<Uint8Array>, options: ReadChatStreamOptions = {}): Promise<ChatStreamResult> {
  // The options are the error context: `endpoint`, `requestId` and `secrets`.
  return readIntoState(body, options, createStreamState(options, options.onEvent, options.onText));
}

/** readChatStream into a given state, which keeps what the stream carried when it fails (streamChat reports it). */
export async function readIntoState(body: ReadableStream<Uint8Array>, options: ReadChatStreamOptions, state: StreamState): Promise<ChatStreamResult> {
  const { signal, idleTimeoutMs, maxLineBytes = DEFAULT_MAX_LINE_BYTES } = options;
  const fail = (kind: SaaSLLMErrorKind, reason?: string, init?: StreamFailureInit) => streamFailure(kind, state.partialText(), options, reason, init);
  if (signal?.aborted) {
    body.cancel(signal.reason).catch(noop);
    throw fail("aborted", "", { cause: signal.reason });
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // Cut after the end marker: the answer is whole, but the server may not have closed its job.
  let reachedEof = true;
  const watch = watchStream(reader, signal, idleTimeoutMs, () => state.sawData);

  try {
    let lineBytes = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        // After the end marker the answer is whole; only a later error event could have changed that.
        if (watch.stop !== undefined) break;
        if (state.ended) {
          reachedEof = false;
          break;
        }
        throw fail("stream_interrupted", "the connection failed", { cause: error });
      }
      if (watch.stop !== undefined || chunk.done) break;
      watch.touch();
      lineBytes = trailingLineBytes(chunk.value, lineBytes, maxLineBytes);
      if (lineBytes < 0) {
        const detail = `an event-stream line is longer than ${maxLineBytes} bytes`;
        throw fail("bad_response", detail, { detail });
      }
      state.feed(decoder.decode(chunk.value, { stream: true }));
    }
    if (watch.stop === "aborted") throw fail("aborted", "", { cause: signal?.reason });
    if (watch.stop === "idle") {
      const ms = idleTimeoutMs ?? 0;
      throw fail("stream_interrupted", `no data for ${ms} ms`, { cause: timeoutError(ms, { ...options, phase: "idle" }) });
    }
    // A last event missing its blank line still counts. The decoder is not flushed: an incomplete
    // UTF-8 tail belongs to an unfinished line and must not become U+FFFD.
    // An end marker completed only by this feed means the body ended inside its event: the server never
    // finished writing it, so it did not close the job either.
    if (!state.ended) reachedEof = false;
    state.feed("\n\n");
    if (!state.ended) throw fail("stream_interrupted", `the body ended before ${endMarker(state.shape)}`);
    return state.result(reachedEof);
  } finally {
    watch.dispose();
    // A no-op after EOF; on every other path it tells the server we are gone. The lock is kept: nothing
    // else may read this body, and Node builds a "Releasing reader" error (with its stack) on release.
    reader.cancel().catch(noop);
  }
}

function endMarker(shape: string): string {
  return shape === "anthropic" ? "message_stop" : shape === "gemini" ? "a finishReason" : "[DONE]";
}

/**
 * Bytes in the line still open after `bytes`, or -1 once any line is longer than `max`.
 * The common case (the chunk cannot push any line past `max`) walks back from the end only.
 */
export function trailingLineBytes(bytes: Uint8Array, pending: number, max: number): number {
  const n = bytes.length;
  if (pending + n <= max) {
    // Walk back to the last line break: an open line is at most one event long, while two native
    // lastIndexOf scans would each read the whole chunk (a body of one write comes in 64 KiB reads).
    let i = n - 1;
    while (i >= 0 && bytes[i] !== LF && bytes[i] !== CR) i--;
    return i === -1 ? pending + n : n - i - 1;
  }
  // Rare (a line near `max` is already open, or one read is that large): count every line.
  let open = pending;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === LF || bytes[i] === CR) open = 0;
    else if (++open > max) return -1;
  }
  return open;
}
