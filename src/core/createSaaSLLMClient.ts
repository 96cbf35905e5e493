import type { CallOptions } from "./callOptions";
import { llmBody } from "./buildBody";
import { createCircuitBreaker, type CircuitBreaker, type CircuitBreakerOptions } from "./circuitBreaker";
import { createEventHub, type ClientEventListener } from "./clientEvents";
import { DEFAULT_STREAM_IDLE_TIMEOUT_MS, DEFAULT_TIMEOUTS, type EndpointName } from "./endpoints";
import { badResponseError } from "./errorFactories";
import type { SaaSLLMError } from "./SaaSLLMError";
import { createJsonMethods } from "./jsonMethods";
import type { CompleteJobOptions } from "./jobEvents";
import { createJobCloser, type FailOpenJobsOptions } from "./jobs/createJobCloser";
import { streamSingleShot } from "./jobs/streamSingleShot";
import { DEFAULT_MAX_UPSTREAM_CALLS } from "./retry";
import { jobPath } from "./jobId";
import { streamChat, type StreamCallOptions, type StreamCallResult } from "./streamChat";
import { send, type TransportConfig } from "./transport";
import type { CompleteJobInput, CreateAndCallInput, JobStatus, LLMCallInput } from "./types";

export interface SaaSLLMClientOptions {
  /** Server origin, or a same-origin proxy prefix (`""` or `/llm`). Paths are appended as `/api/...`. */
  baseUrl: string;
  /** The team the key belongs to: sent in create bodies and team paths. */
  teamId: string;
  /** The virtual key. Leave both key options out when a proxy adds the Authorization header. */
  virtualKey?: string;
  /** Called for the key before each request; with `{ refresh: true }` once after a 401. */
  getVirtualKey?: (context: { refresh: boolean }) => string | undefined | Promise<string | undefined>;
  /** @default globalThis.fetch (read at call time, so it is SSR- and mock-friendly) */
  fetch?: typeof fetch;
  /** Per-endpoint timeouts in ms. @default the seed's table: create/get 10 s, llm-call 60 s, complete 30 s, streams 120 s */
  timeouts?: Partial<Record<EndpointName, number>>;
  /** Longest gap between stream bytes. @default 120000 */
  streamIdleTimeoutMs?: number;
  /**
   * Client-side retries by the core policy. GETs are retried by default; POSTs too unless `posts: false`,
   * with one Idempotency-Key per logical call. `false` turns all of it off.
   * `maxUpstreamCalls` bounds the provider calls one call may cause, retries included: an llm-call answered
   * `LLM call failed: … 429` (or that timed out) counts as the server's 9 provider tries, any other attempt as 1.
   * @default { maxRetries: 3, maxUpstreamCalls: 20, posts: true, idempotencyKeys: true }
   */
  retry?: false | { maxRetries?: number; maxUpstreamCalls?: number; posts?: boolean; idempotencyKeys?: boolean; delay?: (attempt: number, error: SaaSLLMError) => number };
  /** Structured events for logs and metrics (never carries the key). */
  onEvent?: ClientEventListener;
  /** Fail fast after repeated failures. Pass options or a shared breaker. */
  circuitBreaker?: CircuitBreakerOptions | CircuitBreaker;
  /** Random source for backoff jitter. @default Math.random */
  random?: () => number;
}


/**
 * Creates a client with one method per client-facing endpoint of the SaaS LiteLLM API.
 *
 * @example
 * const client = createSaaSLLMClient({ baseUrl: "https://llm.example.com", teamId: "acme", virtualKey: "sk-..." });
 * const { job_id } = await client.createJob({ job_type: "chat" });
 * const result = await client.llmCall(job_id, { model: "chat-fast", messages: [{ role: "user", content: "Hi" }] });
 * await client.completeJob(job_id, { status: "completed" });
 */
export function createSaaSLLMClient(options: SaaSLLMClientOptions) {
  const { baseUrl, teamId, virtualKey, getVirtualKey, timeouts = {}, retry, random = Math.random } = options;
  const hub = createEventHub(options.onEvent);
  const breaker = !options.circuitBreaker ? undefined : "before" in options.circuitBreaker ? options.circuitBreaker : createCircuitBreaker(options.circuitBreaker);
  const config: TransportConfig = {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    getKey: async (refresh) => (getVirtualKey ? await getVirtualKey({ refresh }) : virtualKey),
    canRefreshKey: getVirtualKey !== undefined,
    timeoutFor: (endpoint) => timeouts[endpoint] ?? DEFAULT_TIMEOUTS[endpoint],
    hub,
    breaker,
    maxRetries: retry === false ? 0 : (retry?.maxRetries ?? 3),
    maxUpstreamCalls: retry === false ? 1 : (retry?.maxUpstreamCalls ?? DEFAULT_MAX_UPSTREAM_CALLS),
    retryPosts: retry === false ? false : (retry?.posts ?? true),
    idempotencyKeys: retry === false ? false : (retry?.idempotencyKeys ?? true),
    random,
    delay: retry === false ? undefined : retry?.delay,
  };
  const idleTimeoutMs = options.streamIdleTimeoutMs ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS;
  const json = createJsonMethods(config, teamId);
  const closer = createJobCloser(json, (shared) => hub.emit({ type: "job-close-shared", endpoint: "completeJob", requestId: "", attempt: 0, at: Date.now(), ...shared }));

  return {
    teamId,
    ...json,
    /**
     * E7: finish a job, at most once per job and client: closes that race share one request and its outcome
     * (the upstream flips the charge on a repeated complete). After a failure that may have landed, the job is
     * read before complete is sent again.
     */
    completeJob: (jobId: string, input: CompleteJobInput, opts: CompleteJobOptions = {}) => closer.close(jobId, input, opts),
    /** E4: a streamed call inside a job. (The upstream's E4 is broken and always ends in an error event.) */
    async streamLLMCall(jobId: string, input: LLMCallInput, opts: StreamCallOptions = {}): Promise<StreamCallResult> {
      const body = llmBody(input, "streamLLMCall");
      return streamChat(config, { endpoint: "streamLLMCall", path: jobPath(jobId, "/llm-call-stream", "streamLLMCall"), body, idleTimeoutMs, jobId }, opts);
    },
    /**
     * E6: create a job, stream one call; the server completes and charges it once it wrote the end marker.
     * The upstream sends no job id: a `client_request_id` in the job metadata finds it. A clean answer read
     * to EOF costs this one request; a cut, stop or retry leaves jobs the client then closes as failed, after
     * one narrow lookup of open jobs (never a complete for a job the server closed).
     */
    streamCreateAndCall(input: CreateAndCallInput, opts: StreamCallOptions = {}): Promise<StreamCallResult> {
      return streamSingleShot({ config, closer, teamId, idleTimeoutMs }, input, opts);
    },
    /**
     * Completes as failed the open jobs of a single-shot call (by its `clientRequestId`), e.g. after the user
     * left mid-stream. Jobs the server completed are left alone. Resolves with how many it closed.
     */
    failOpenJobs(clientRequestId: string, reason: string, options: FailOpenJobsOptions = {}): Promise<number> {
      return closer.failOpenJobs(clientRequestId, reason, options);
    },
    /** Finds the job a single-shot stream created (its last attempt's), through the team jobs list (newest first). */
    async findJobByClientRequestId(clientRequestId: string, opts: CallOptions & { limit?: number } = {}) {
      return (await this.findJobsByClientRequestId(clientRequestId, opts))[0] ?? null;
    },
    /** Every job created for one single-shot call (one per attempt), newest first. */
    async findJobsByClientRequestId(clientRequestId: string, opts: CallOptions & { limit?: number; status?: JobStatus } = {}) {
      const { jobs } = await json.listTeamJobs({ limit: opts.limit ?? 50, status: opts.status }, opts);
      return jobs.filter((job) => job.metadata?.client_request_id === clientRequestId);
    },
    /** Subscribe to client events (the React layer's team-status store listens here). */
    subscribe: hub.subscribe,
    /** The circuit breaker's state, when one is configured. */
    get circuitState() {
      return breaker?.state ?? "closed";
    },
    /** Low-level access for advanced uses: one request through auth, timeouts, retries and events. */
    request<T>(endpoint: EndpointName, method: "GET" | "POST" | "PATCH", path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
      return send(config, { endpoint, method, path, body, ...opts }, async (res) => {
        try {
          return (await res.json()) as T;
        } catch (cause) {
          throw badResponseError("body is not JSON", { endpoint, status: res.status }).with({ cause });
        }
      });
    },
  };
}

/** The client returned by `createSaaSLLMClient`. */
export type SaaSLLMClient = ReturnType<typeof createSaaSLLMClient>;
