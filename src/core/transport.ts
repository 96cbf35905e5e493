import { sleep, randomId } from "./abortable";
import type { CircuitBreaker } from "./circuitBreaker";
import { classifyResponse } from "./classifyResponse";
import type { createEventHub } from "./clientEvents";
import type { EndpointName } from "./endpoints";
import { abortError, networkError, timeoutError } from "./errorFactories";
import { decideRetry, upstreamCallsOf, type RetryVerdict } from "./retry";
import { waitForNetwork, type OnlineWindow } from "./onlineSource";
import { isSaaSLLMError, type SaaSLLMError } from "./SaaSLLMError";

export interface TransportConfig {
  baseUrl: string;
  fetch: typeof fetch;
  /** A string (a fixed key, or a provider that has one at hand) is used in the same task: no await before the request. */
  getKey: (refresh: boolean) => string | undefined | Promise<string | undefined>;
  canRefreshKey: boolean;
  timeoutFor: (endpoint: EndpointName) => number;
  hub: ReturnType<typeof createEventHub>;
  breaker?: CircuitBreaker;
  maxRetries: number;
  /** Budget of provider calls one logical call may cause, counted with `upstreamCallsOf`. */
  maxUpstreamCalls: number;
  retryPosts: boolean;
  idempotencyKeys: boolean;
  random: () => number;
  /** Replaces the policy's backoff (not Retry-After handling's cap): custom schedules, fast tests. */
  delay?: (attempt: number, error: SaaSLLMError) => number;
}

export interface RequestSpec {
  endpoint: EndpointName;
  method: "GET" | "POST" | "PATCH";
  path: string;
  body?: unknown;
  /** A body per attempt (1-based), e.g. to tag each attempt of a single-shot stream; wins over `body`. */
  bodyFor?: (attempt: number) => unknown;
  signal?: AbortSignal;
  /** Override the client's retry for this call: false turns it off (hooks retry through react-query). */
  retry?: boolean;
  idempotencyKey?: string;
  /** Streams: never retry once some text was delivered. */
  stream?: boolean;
  /** Told before each wait for a retry, so a UI can count down to it. */
  onRetry?: (wait: RetryWait) => void;
  /** While offline, a due retry waits (up to `windowMs`) for the network instead of failing again at once. */
  online?: OnlineWindow;
  /** The call's attempts when its retries run elsewhere (react-query's retryer): see {@link CallAttempts}. */
  attempts?: CallAttempts;
}

/**
 * One logical call's attempts, whoever runs them: one correlation id (`requestId` on every event), the count,
 * and the upstream budget's tally. With `external`, each `send` makes one attempt, decides with `decideRetry`,
 * and throws; the caller's retryer reads the decision back with {@link verdictOf} and waits.
 */
export interface CallAttempts {
  readonly requestId: string;
  started: number;
  failures: number;
  upstreamCalls: number;
  readonly external: boolean;
  /** Lowers the client's `maxRetries` for this call (never raises it: `retry: false` on the client holds). */
  readonly maxRetries?: number;
  /** Attempts the policy allows this call (set by its first attempt). */
  maxAttempts: number;
}

/** A new call's attempts. */
export const createAttempts = (external: boolean, maxRetries?: number): CallAttempts => ({ requestId: randomId(), started: 0, failures: 0, upstreamCalls: 0, external, maxRetries, maxAttempts: 1 });

const verdicts = new WeakMap<SaaSLLMError, RetryVerdict>();
/** The retry decision made on a failed attempt (for a retryer running outside the transport). */
export const verdictOf = (error: unknown): RetryVerdict | undefined => (isSaaSLLMError(error) ? verdicts.get(error) : undefined);

/** A wait before the next automatic attempt: attempt `attempt` of `maxAttempts` starts at `nextRetryAt` (ms since epoch). */
export interface RetryWait {
  attempt: number;
  maxAttempts: number;
  nextRetryAt: number;
  /** The wait is over but the device is offline: the attempt starts when the network is back. */
  offline?: boolean;
}

export interface AttemptContext {
  signal: AbortSignal;
  secrets: ReadonlyArray<string | undefined>;
  requestId: string;
  attempt: number;
  startedAt: number;
}

/**
 * One logical call: auth header, per-attempt timeout, caller abort, one key refresh after a 401,
 * retries by the core policy, circuit breaker and events. `handle` reads the 2xx response.
 */
export async function send<R>(config: TransportConfig, spec: RequestSpec, handle: (res: Response, ctx: AttemptContext) => Promise<R>): Promise<R> {
  const calls = spec.attempts ?? createAttempts(false);
  const { requestId } = calls;
  const allowed = spec.retry === false ? 0 : spec.method === "GET" || config.retryPosts || spec.retry === true ? config.maxRetries : 0;
  const retries = Math.min(allowed, calls.maxRetries ?? allowed);
  calls.maxAttempts = retries + 1;
  const idempotencyKey = spec.method !== "GET" && config.idempotencyKeys ? (spec.idempotencyKey ?? randomId()) : undefined;
  const where = { endpoint: spec.endpoint, requestId };
  let refreshed = false;
  let freshKey: string | undefined;
  for (;;) {
    const attempt = ++calls.started;
    if (spec.signal?.aborted) throw abortError(where, spec.signal.reason);
    config.breaker?.before(spec.endpoint);
    const controller = new AbortController();
    const timeoutMs = config.timeoutFor(spec.endpoint);
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
    const onAbort = () => controller.abort(spec.signal?.reason);
    spec.signal?.addEventListener("abort", onAbort, { once: true });
    const startedAt = Date.now();
    let key: string | undefined;
    config.hub.emit({ type: "request", ...where, attempt, at: startedAt, method: spec.method, path: spec.path });
    try {
      const given = freshKey ?? config.getKey(false);
      key = typeof given === "object" ? await given : given;
      const res = await config.fetch(config.baseUrl + spec.path, {
        method: spec.method,
        headers: headersFor(key, spec, idempotencyKey),
        body: body(spec, attempt),
        signal: controller.signal,
      });
      if (!res.ok) throw await classifyResponse(res, { ...where, secrets: [key] });
      config.hub.emit({ type: spec.stream ? "stream-start" : "response", ...where, attempt, at: Date.now(), status: res.status, latencyMs: Date.now() - startedAt });
      const result = await handle(res, { signal: controller.signal, secrets: [key], requestId, attempt, startedAt });
      config.breaker?.success();
      return result;
    } catch (raw) {
      const error = toError(raw, { ...where, timedOut, callerAborted: spec.signal?.aborted === true, timeoutMs });
      if (error.kind !== "circuit_open") config.breaker?.failure(error.kind);
      const latencyMs = Date.now() - startedAt;
      config.hub.emit({ type: "error", ...where, attempt, at: Date.now(), kind: error.kind, status: error.status, latencyMs, retryable: error.retryable, message: error.message });
      if (!refreshed && (freshKey = await keyAfter(config, error, key))) {
        refreshed = true;
        continue;
      }
      const verdict = decide(config, spec, calls, error, retries, attempt);
      if (!verdict.retry || calls.external) throw error;
      await waitToRetry(spec, where, error, verdict.delayMs, { attempt: calls.failures + 1, maxAttempts: retries + 1, nextRetryAt: Date.now() + verdict.delayMs });
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener("abort", onAbort);
    }
  }
}

/**
 * A new key after a 401, when the key provider has one: a rotated key gets exactly one second chance, whatever
 * the retry policy says. A provider that fails here gives none: the 401 stands.
 */
async function keyAfter(config: TransportConfig, error: SaaSLLMError, used: string | undefined): Promise<string | undefined> {
  if (error.kind !== "unauthorized" || !config.canRefreshKey) return undefined;
  const fresh = await Promise.resolve().then(() => config.getKey(true)).catch(() => undefined);
  return fresh && fresh !== used ? fresh : undefined;
}

/** The policy's decision on a failed attempt (`decideRetry`, kept for `verdictOf`), told as a `retry` or `no-retry` event. */
function decide(config: TransportConfig, spec: RequestSpec, calls: CallAttempts, error: SaaSLLMError, maxRetries: number, attempt: number): RetryVerdict {
  calls.upstreamCalls += upstreamCallsOf(error);
  const keptText = spec.stream === true && error.partialText !== undefined && error.partialText !== "";
  const verdict = decideRetry(error, { failures: calls.failures, upstreamCalls: calls.upstreamCalls, keptText }, { maxRetries, maxUpstreamCalls: config.maxUpstreamCalls, delay: config.delay, random: config.random });
  verdicts.set(error, verdict);
  const base = { endpoint: spec.endpoint, requestId: calls.requestId, attempt, at: Date.now(), kind: error.kind, status: error.status };
  if (!verdict.retry) config.hub.emit({ type: "no-retry", ...base, reason: verdict.reason });
  else config.hub.emit({ type: "retry", ...base, delayMs: verdict.delayMs, delaySource: verdict.delaySource, retry: ++calls.failures, maxRetries });
  return verdict;
}

/** The wait before the next attempt: its delay, then, while offline, the network (up to the window; `error` after it). */
async function waitToRetry(spec: RequestSpec, where: { endpoint: EndpointName; requestId: string }, error: SaaSLLMError, delayMs: number, wait: RetryWait): Promise<void> {
  spec.onRetry?.(wait);
  try {
    await sleep(delayMs, spec.signal);
  } catch (reason) {
    throw abortError(where, reason);
  }
  if (!spec.online || spec.online.source.isOnline()) return;
  spec.onRetry?.({ ...wait, nextRetryAt: Date.now(), offline: true });
  const back = await waitForNetwork(spec.online.source, spec.online.windowMs, spec.signal ?? new AbortController().signal);
  if (back === "aborted") throw abortError(where, spec.signal?.reason);
  if (back === "expired") throw error;
}

function body(spec: RequestSpec, attempt: number): string | undefined {
  const value = spec.bodyFor ? spec.bodyFor(attempt) : spec.body;
  return value === undefined ? undefined : JSON.stringify(value);
}

function headersFor(key: string | undefined, spec: RequestSpec, idempotencyKey: string | undefined): Headers {
  const headers = new Headers({ accept: spec.stream ? "text/event-stream" : "application/json" });
  if (key) headers.set("authorization", `Bearer ${key}`);
  if (spec.body !== undefined || spec.bodyFor) headers.set("content-type", "application/json");
  if (idempotencyKey) headers.set("idempotency-key", idempotencyKey);
  return headers;
}

interface ErrorContext {
  endpoint: EndpointName;
  requestId: string;
  timedOut: boolean;
  callerAborted: boolean;
  timeoutMs: number;
}

/** Anything thrown during an attempt becomes a SaaSLLMError that says who stopped it. */
function toError(raw: unknown, ctx: ErrorContext): SaaSLLMError {
  const where = { endpoint: ctx.endpoint, requestId: ctx.requestId };
  if (isSaaSLLMError(raw)) {
    if (raw.kind !== "aborted" && raw.kind !== "stream_interrupted") return raw;
    if (ctx.callerAborted) return raw.kind === "aborted" ? raw : abortError(where, raw).with({ partialText: raw.partialText });
    if (ctx.timedOut) {
      const timeout = timeoutError(ctx.timeoutMs, where);
      return raw.partialText ? raw.with({ kind: "stream_interrupted", cause: timeout }) : timeout;
    }
    return raw;
  }
  if (ctx.callerAborted) return abortError(where, raw);
  if (ctx.timedOut) return timeoutError(ctx.timeoutMs, where);
  return networkError(raw, where);
}
