import type { EndpointName } from "./endpoints";
import { badResponseError } from "./errorFactories";
import type { OnlineWindow } from "./onlineSource";
import { readIntoState } from "./readChatStream";
import { isSaaSLLMError, SaaSLLMError } from "./SaaSLLMError";
import { send, type RetryWait, type TransportConfig } from "./transport";
import { createStreamState } from "./streamState";
import type { ChatStreamEvent, ChatStreamResult } from "./types";

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
  return send(config, { ...opts, ...spec, method: "POST", stream: true }, async (res, ctx) => {
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
    let firstTokenMs: number | null = null;
    const sawText = () => {
      if (firstTokenMs !== null) return;
      firstTokenMs = Date.now() - ctx.startedAt;
      config.hub.emit({ type: "first-token", ...where, at: Date.now(), latencyMs: firstTokenMs });
    };
    const { onText: forward } = opts;
    const onText =
      forward &&
      ((deltas: readonly string[]) => {
        sawText();
        forward(deltas);
      });
    const onEvent = (event: ChatStreamEvent) => {
      if (event.type === "text") sawText();
      opts.onEvent?.(event);
    };
    // What the reader reads of these: `signal`, `requestId` and `secrets`, then `endpoint` and `idleTimeoutMs`.
    const options = { ...ctx, ...spec };
    // The state keeps what the stream carried, also when it fails: the stream-end event reports it.
    const state = createStreamState(options, onEvent, onText);
    const end = (outcome: "done" | SaaSLLMError["kind"], { text, finishReason, usage } = state.result(false)) =>
      config.hub.emit({ type: "stream-end", ...where, at: Date.now(), latencyMs: Date.now() - ctx.startedAt, chunks: state.parts.length, chars: text.length, outcome, firstTokenMs, finishReason, usage, jobId });
    if (!res.body) {
      end("stream_interrupted");
      throw new SaaSLLMError({ kind: "stream_interrupted", message: "The stream was interrupted before it finished: empty body", endpoint, requestId: ctx.requestId, partialText: "" });
    }
    try {
      const result = await readIntoState(res.body, options, state);
      end("done", result);
      return { ...result, jobId, clientRequestId: spec.clientRequestId, attempts: ctx.attempt };
    } catch (error) {
      end(isSaaSLLMError(error) ? error.kind : "network");
      throw error;
    }
  });
}
