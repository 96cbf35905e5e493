import type { EndpointName } from "./endpoints";
import { badResponseError } from "./errorFactories";
import type { OnlineWindow } from "./onlineSource";
import { readChatStream } from "./readChatStream";
import { isSaaSLLMError, SaaSLLMError } from "./SaaSLLMError";
import { send, type RetryWait, type TransportConfig } from "./transport";
import type { ChatStreamEvent, ChatStreamResult, Usage } from "./types";

export interface StreamCallOptions {
  signal?: AbortSignal;
  /** false: no automatic retry, even before the first token. */
  retry?: boolean;
  idempotencyKey?: string;
  /** Every text delta (unless `onText` is set), tool-call delta, finish, usage and keepalive, synchronously as parsed. */
  onEvent?: (event: ChatStreamEvent) => void;
  /**
   * The text as it arrives, once per network read with that read's deltas in order: what a renderer wants,
   * at a fraction of the cost of a call per delta. With it set, `onEvent` gets no `text` events.
   */
  onText?: (deltas: readonly string[]) => void;
  /**
   * Called when the server accepted the stream (status 200), once per attempt, with the job id when it is known.
   * Each attempt of a single-shot stream is a new job, tagged `client_request_id` and `client_attempt` in its metadata.
   */
  onOpen?: (info: { jobId: string | null; attempt: number; clientRequestId?: string }) => void;
  /** Before each wait for an automatic retry (only before the first token); `offline: true` once it waits for the network. */
  onRetry?: (wait: RetryWait) => void;
  /** While offline, a due retry waits (up to `windowMs`) for the network instead of failing again. */
  online?: OnlineWindow;
}

export interface StreamCallResult extends ChatStreamResult {
  /** The job id: the one you streamed in, or `x-job-id` from servers that send it; null for the upstream E6. */
  jobId: string | null;
  /** The correlation id put into the job metadata of single-shot streams. */
  clientRequestId?: string;
  /** Attempts it took (1 without retries); single-shot attempts are tagged `client_attempt` in job metadata. */
  attempts: number;
}

interface StreamSpec {
  endpoint: EndpointName;
  path: string;
  body: unknown;
  bodyFor?: (attempt: number) => unknown;
  idleTimeoutMs: number;
  jobId?: string;
  clientRequestId?: string;
}

/** Opens an SSE call and reads it to the end. Retried (by policy) only until the first text arrives. */
export function streamChat(config: TransportConfig, spec: StreamSpec, opts: StreamCallOptions): Promise<StreamCallResult> {
  const { endpoint } = spec;
  return send(config, { endpoint, method: "POST", path: spec.path, body: spec.body, bodyFor: spec.bodyFor, signal: opts.signal, retry: opts.retry, idempotencyKey: opts.idempotencyKey, stream: true, onRetry: opts.onRetry, online: opts.online }, async (res, ctx) => {
    const type = res.headers.get("content-type") ?? "";
    if (/json|html/i.test(type)) {
      await res.body?.cancel().catch(() => undefined);
      throw badResponseError(`expected text/event-stream, got ${type}`, { endpoint, requestId: ctx.requestId, status: res.status });
    }
    const jobId = spec.jobId ?? res.headers.get("x-job-id");
    opts.onOpen?.({ jobId, attempt: ctx.attempt, clientRequestId: spec.clientRequestId });
    const where = { endpoint, requestId: ctx.requestId, attempt: ctx.attempt };
    // A single-shot stream opens its own job; servers that name it (x-job-id) let observers follow it.
    if (endpoint === "streamCreateAndCall" && jobId) config.hub.emit({ type: "job-open", ...where, at: Date.now(), jobId });
    let chars = 0;
    let chunks = 0;
    let firstTokenMs: number | null = null;
    let finishReason: string | null = null;
    let usage: Usage | null = null;
    const sawText = (deltas: number, length: number) => {
      if (chars === 0) {
        firstTokenMs = Date.now() - ctx.startedAt;
        config.hub.emit({ type: "first-token", ...where, at: Date.now(), latencyMs: firstTokenMs });
      }
      chars += length;
      chunks += deltas;
    };
    const onEvent = (event: ChatStreamEvent) => {
      if (event.type === "finish") finishReason = event.reason;
      if (event.type === "usage") usage = event.usage;
      if (event.type === "text") sawText(1, event.text.length);
      opts.onEvent?.(event);
    };
    const { onText: forward } = opts;
    const onText =
      forward &&
      ((deltas: readonly string[]) => {
        let length = 0;
        for (const delta of deltas) length += delta.length;
        sawText(deltas.length, length);
        forward(deltas);
      });
    const end = (outcome: "done" | SaaSLLMError["kind"]) =>
      config.hub.emit({ type: "stream-end", ...where, at: Date.now(), latencyMs: Date.now() - ctx.startedAt, chunks, chars, outcome, firstTokenMs, finishReason, usage, jobId });
    if (!res.body) {
      end("stream_interrupted");
      throw new SaaSLLMError({ kind: "stream_interrupted", message: "The stream was interrupted before it finished: empty body", endpoint, requestId: ctx.requestId, partialText: "" });
    }
    try {
      const result = await readChatStream(res.body, { signal: ctx.signal, idleTimeoutMs: spec.idleTimeoutMs, endpoint, requestId: ctx.requestId, secrets: ctx.secrets, onEvent, onText });
      end("done");
      return { ...result, jobId, clientRequestId: spec.clientRequestId, attempts: ctx.attempt };
    } catch (error) {
      end(isSaaSLLMError(error) ? error.kind : "network");
      throw error;
    }
  });
}
