/** Public types of the API simulator (`@saas-litellm/react/testing`). */
import type { EndpointName } from "../core/endpoints";
import type { FaultScript } from "./faultTypes";
import type { ProviderControl, SimProvider } from "./providerTypes";

export type { Fault, FaultScript, StreamFault } from "./faultTypes";
export type { ProviderControl, ProviderFault, ProviderRequest, SimProvider } from "./providerTypes";

/**
 * `upstream` copies what the upstream server does, buffered streams included (docs/upstream-behaviour.md);
 * `live` is the same server but streams token by token (demos of live text and of cuts with partial text);
 * `documented` adds what the docs promise (live streams, `x-job-id`, 429 rate limits, a credit gate).
 */
export type SimPreset = "documented" | "upstream" | "live";
/** The server behaviour a preset follows: `live` is the upstream server with live delivery. */
export type SimServer = Exclude<SimPreset, "live">;
export type SimTeamStatus = "active" | "suspended" | "paused";
export type SimBudgetMode = "job_based" | "consumption_usd" | "consumption_tokens";
/** Job statuses as they appear on the wire (always UPPERCASE, contract §1). */
export type SimJobStatus = "PENDING" | "IN_PROGRESS" | "COMPLETED" | "FAILED" | "CANCELLED";

/** A team the simulator knows at start (and after `reset()`). */
export interface SimTeamInit {
  teamId: string;
  virtualKey: string;
  /** @default "active" */
  status?: SimTeamStatus;
  /** @default 100 */
  credits?: number;
  /** Model aliases (or model-group names) the team may use. @default every configured alias */
  models?: string[];
  /** @default "job_based" */
  budgetMode?: SimBudgetMode;
  /** The organization the team was created in (E13, E14, E16). @default `org-<teamId>` */
  organizationId?: string;
}

/** Options of {@link createSimulator}. */
export interface SimulatorOptions {
  /** @default "documented" */
  preset?: SimPreset;
  /** Seed for ids, provider ids and latency jitter. @default a random seed */
  seed?: number;
  /** @default one team `DEMO_TEAM_ID` / `DEMO_VIRTUAL_KEY` with 100 credits */
  teams?: SimTeamInit[];
  /** Model aliases and their provider. @default chat-fast (openai), chat-claude (anthropic), chat-gemini (gemini) */
  models?: Record<string, { provider: SimProvider }>;
  /** Reply of every call. @default a UTF-8-heavy reply that quotes the last user message */
  replyText?: string | ((messages: unknown[]) => string);
  /** Time the provider takes per chunk (streams). `upstream` sends nothing but `: keepalive` meanwhile. @default 0 */
  tokenDelayMs?: number;
  /** Delay before every response. @default 0 */
  firstByteDelayMs?: number;
  /** E4 always ends in the context-manager error event. @default true for "upstream", false for "documented" */
  brokenLlmCallStream?: boolean;
  /** Documented preset only: at most `requests` per team per `windowMs`, then 429 with `Retry-After`. */
  rateLimit?: { requests: number; windowMs: number };
  /**
   * What a client abort of E6 leaves: `completed` (the generation runs to its end, then the job is COMPLETED and
   * charged, overwriting a close sent meanwhile: the upstream's locked uvicorn 0.29 and Debian's 0.32;
   * upstream-behaviour §5) or `open` (IN_PROGRESS, as the contract and uvicorn 0.54). @default "completed"
   */
  abortedStreamJob?: "open" | "completed";
  /** Origins a CORS preflight may come from. @default the upstream's hard-coded admin origins */
  corsOrigins?: string[];
}

/** One request the simulator received. */
export interface RecordedRequest {
  endpoint: EndpointName | "unknown";
  method: string;
  path: string;
  /** Lower-case names; `authorization` is redacted to `Bearer [redacted]`. */
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, or `undefined` without a body. */
  body: unknown;
  /** `Date.now()` when received. */
  at: number;
  idempotencyKey?: string;
  /** The team of the key, once the key was recognised. */
  teamId?: string;
}

/** Test controls for one team. */
export interface TeamControl {
  suspend(): void;
  pause(): void;
  resume(): void;
  /** Sets the remaining balance (recorded as an allocation). */
  setCredits(n: number): void;
  credits(): number;
  status(): SimTeamStatus;
  /** The key now gets 401 `Invalid API key`. */
  revokeKey(): void;
  rotateKey(newKey: string): void;
  allowModels(models: string[]): void;
}

/** A call recorded inside a job. */
export interface SimCall {
  callId: string;
  jobId: string;
  /** The request's `model`. */
  model: string;
  purpose: string | null;
  promptTokens: number;
  completionTokens: number;
  /** Provider cost (no markup). */
  costUsd: number;
  /** `null` for a failed call (left out of averages). */
  latencyMs: number | null;
  error: string | null;
  createdAt: number;
}

/** A job in the simulator's memory (live object: read, do not write). */
export interface SimJob {
  jobId: string;
  teamId: string;
  userId: string | null;
  jobType: string;
  status: SimJobStatus;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  metadata: Record<string, unknown> | null;
  errorMessage: string | null;
  creditApplied: boolean;
  modelGroupsUsed: string[];
  calls: SimCall[];
  /** Set once the job was completed or failed through E5, E6 or E7 (counts in usage). */
  hasCostSummary: boolean;
  /** The cost summary written at the last completion: usage reads this, not the live calls. */
  costSummary: { costUsd: number; tokens: number } | null;
  /** Which endpoint created it. */
  createdBy: "createJob" | "createAndCall" | "streamCreateAndCall";
}

/** Read access to jobs and credit movements. */
export interface SimLedger {
  jobs(): SimJob[];
  job(id: string): SimJob | undefined;
  /** Credits deducted for that job, or in total. */
  charges(jobId?: string): number;
  /** Jobs still PENDING or IN_PROGRESS. */
  openJobs(): SimJob[];
}

/** An in-memory SaaS LiteLLM API. */
export interface Simulator {
  /**
   * The whole API, with `fetch`'s signature (so it can be passed as a client's `fetch`). Rejects only for
   * a scripted network error (TypeError) or an aborted request (the signal's reason), like `fetch`.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  readonly preset: SimPreset;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  requestsTo(endpoint: EndpointName): RecordedRequest[];
  clearRequests(): void;
  script: FaultScript;
  /** The simulated provider behind the API: its faults and every request the server sent it. */
  provider: ProviderControl;
  /** Controls for a team (default `DEMO_TEAM_ID`); throws for a team the simulator does not have. */
  team(teamId?: string): TeamControl;
  ledger: SimLedger;
  /** Back to the initial state; faults and the request log are cleared. */
  reset(): void;
}
