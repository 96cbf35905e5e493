import type { SaaSLLMClientOptions } from "./clientOptions";
import { createEventHub } from "./clientEvents";
import { DEFAULT_STREAM_IDLE_TIMEOUT_MS, defaultTimeout, JOB_ROUTES } from "./endpoints";
import type { CompleteJobOptions } from "./jobEvents";
import { createJobMethods } from "./jobMethods";
import { createJsonCall } from "./jsonCall";
import { createJobCloser, type CallReconciliation } from "./jobs/createJobCloser";
import { DEFAULT_MAX_UPSTREAM_CALLS } from "./retry";
import type { ClientCore } from "./clientCore";
import type { TransportConfig } from "./transport";
import type { CompleteJobInput } from "./types";

/** The jobs client and the parts it is built on (what method modules compose onto it). */
export function buildJobsClient(options: SaaSLLMClientOptions) {
  const { baseUrl, teamId, virtualKey, getVirtualKey, timeouts = {}, retry, random = Math.random } = options;
  const hub = createEventHub(options.onEvent);
  const breaker = options.circuitBreaker;
  const config: TransportConfig = {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    getKey: (refresh) => (getVirtualKey ? getVirtualKey({ refresh }) : virtualKey),
    canRefreshKey: getVirtualKey !== undefined,
    timeoutFor: (endpoint) => timeouts[endpoint] ?? defaultTimeout(endpoint),
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
  const call = createJsonCall(config, JOB_ROUTES);
  const json = createJobMethods(call, config, teamId);
  const closer = createJobCloser(json, (shared) => hub.emit({ type: "job-close-shared", endpoint: "completeJob", requestId: "", attempt: 0, at: Date.now(), ...shared }), options.settleWindowMs);

  const client = {
    teamId,
    ...json,
    /**
     * E7: finish a job, at most once per job and client: closes that race share one request and its outcome
     * (the upstream flips the charge on a repeated complete). After a failure that may have landed, the job is
     * read before complete is sent again.
     */
    completeJob: (jobId: string, input: CompleteJobInput, opts: CompleteJobOptions = {}) => closer.close(jobId, input, opts),
    /**
     * Completes as failed the open jobs of a single-shot call (by its `clientRequestId`), e.g. after the user
     * left mid-stream. Jobs the server completed are left alone. Resolves with how many it closed.
     */
    failOpenJobs: closer.failOpenJobs,
    /**
     * Settles an answer of unknown fate (a stop, a cut, a timeout, a reload mid-answer): finds every job of the
     * call by its `clientRequestId`, watches open ones for `windowMs` (the server may still finish and charge
     * them), closes what is still open as failed, and says which were charged. Throws when the lookup fails.
     * @param opts.windowMs - @default from `endedBy` (the error that ended the call): 2 s after a cut that
     *   followed text, else 30 s (0: close open jobs at once)
     */
    reconcileCall: (clientRequestId: string, opts: { since: number; reason?: string; windowMs?: number; endedBy?: unknown }): Promise<CallReconciliation> =>
      closer.settle(clientRequestId, { ...opts, reason: opts.reason ?? "Answer of unknown outcome: closed before any re-send" }),
    /** Subscribe to client events (the React layer's team-status store listens here). */
    subscribe: hub.subscribe,
    /** The circuit breaker's state, when one is configured. */
    get circuitState() {
      return breaker?.state ?? "closed";
    },
  };
  const core: ClientCore = { config, call, jobs: json, closer, teamId, idleTimeoutMs };
  return { client, core };
}

/** The jobs client: the job methods, closing and events, without streams, account endpoints, lookups or `request`. */
export type SaaSLLMJobsClient = ReturnType<typeof buildJobsClient>["client"];

/** A method module: builds methods over a client's transport (`streamMethods`, `accountMethods`, `lookupMethods`, `requestMethods`). */
export type MethodModule<M extends object = object> = (core: ClientCore) => M;

type Merged<Ms extends MethodModule[]> = (Ms[number] extends infer F ? (F extends MethodModule<infer M> ? (x: M) => void : never) : never) extends (x: infer I) => void ? I : never;

/**
 * A client composed of the job methods and the method modules given, so a bundle carries only the
 * endpoints the app calls. `createSaaSLLMClient(options)` is
 * `composeSaaSLLMClient(options, streamMethods, accountMethods, lookupMethods, requestMethods)`.
 *
 * @example
 * // A streaming chat: useChatStream needs the stream methods; useLLMCall needs none.
 * const client = composeSaaSLLMClient({ baseUrl: "/llm", teamId: "acme" }, streamMethods);
 */
export function composeSaaSLLMClient<Ms extends MethodModule[]>(options: SaaSLLMClientOptions, ...modules: Ms): SaaSLLMJobsClient & ([Ms[number]] extends [never] ? unknown : Merged<Ms>) {
  const { client, core } = buildJobsClient(options);
  // Assigned onto the client (not spread) so its `circuitState` getter stays live.
  for (const module of modules) Object.assign(client, module(core));
  return client as SaaSLLMJobsClient & ([Ms[number]] extends [never] ? unknown : Merged<Ms>);
}
