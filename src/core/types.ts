/** Wire and client types for the SaaS LiteLLM API (see docs/wire-protocol.md). Statuses are normalized to lowercase. */

export type JobStatus = "pending" | "in_progress" | "completed" | "failed" | "cancelled";

/** A chat message as the server forwards it to the provider. */
export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool" | (string & {});
  content: string;
  [extra: string]: unknown;
}

export type JsonObject = { [key: string]: unknown };

/** LLM parameters shared by llm-call and create-and-call (§3.1). */
export interface LLMParams {
  /** A model alias or a model-group name. Sent as both `model` and `model_group`. */
  model: string;
  messages: ChatMessage[];
  purpose?: string;
  temperature?: number;
  max_tokens?: number;
  response_format?: JsonObject;
  tools?: JsonObject[];
  tool_choice?: unknown;
  top_p?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  /** A bare string is sent as a one-element list (the server rejects strings). */
  stop?: string[] | string;
}

export interface LLMCallInput extends LLMParams {
  /** Merged into the job metadata after a successful call (E3 only). */
  call_metadata?: JsonObject;
}

export interface CreateJobInput {
  job_type: string;
  user_id?: string;
  metadata?: JsonObject;
  /** Defaults to the client's `teamId`. */
  team_id?: string;
}

export interface CreateJobResult {
  job_id: string;
  status: JobStatus;
  created_at: Date;
}

export interface Job {
  job_id: string;
  team_id: string;
  user_id: string | null;
  job_type: string;
  status: JobStatus;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  metadata: JsonObject | null;
  error_message: string | null;
  credit_applied: boolean;
  model_groups_used: string[];
}

export interface JobCosts {
  total_calls: number;
  successful_calls: number;
  failed_calls: number;
  total_tokens: number;
  total_cost_usd: number;
  avg_latency_ms: number;
  credit_applied: boolean;
  credits_remaining: number;
}

export interface LLMResponse {
  content: string | null;
  finish_reason: string | null;
}

export interface LLMCallMetadata {
  tokens_used: number;
  latency_ms: number;
  model: string;
}

export interface LLMCallResult {
  call_id: string;
  response: LLMResponse;
  metadata: LLMCallMetadata;
}

export interface CreateAndCallInput extends LLMParams {
  /** @default "chat" */
  job_type?: string;
  user_id?: string;
  job_metadata?: JsonObject;
  team_id?: string;
}

export interface CreateAndCallResult {
  job_id: string;
  status: JobStatus;
  response: LLMResponse;
  metadata: LLMCallMetadata;
  costs: JobCosts;
  completed_at: Date;
}

export interface CompleteJobInput {
  status: "completed" | "failed";
  metadata?: JsonObject;
  error_message?: string;
}

export interface JobCallSummary {
  call_id: string;
  purpose: string | null;
  model_group: string | null;
  tokens: number;
  latency_ms: number | null;
  error: string | null;
}

export interface CompleteJobResult {
  job_id: string;
  status: JobStatus;
  completed_at: Date;
  costs: JobCosts;
  calls: JobCallSummary[];
}

export interface UpdateMetadataResult {
  job_id: string;
  metadata: JsonObject;
  updated_at: Date;
}

export interface JobCostBreakdownItem {
  call_id: string;
  model: string | null;
  purpose: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
  created_at: Date;
}

export interface JobCostsDetail {
  job_id: string;
  team_id: string;
  job_type: string;
  status: JobStatus;
  costs: { total_cost_usd: number; breakdown: JobCostBreakdownItem[] };
}

export interface TeamUsage {
  team_id: string;
  period: string;
  summary: {
    total_jobs: number;
    successful_jobs: number;
    failed_jobs: number;
    total_cost_usd: number;
    total_tokens: number;
    avg_cost_per_job: number;
  };
  job_types: Record<string, { count: number; cost_usd: number }>;
}

export interface TeamJobsQuery {
  limit?: number;
  offset?: number;
  /** Lowercase accepted; sent uppercase (the server 500s on lowercase). */
  status?: JobStatus;
}

export interface TeamJobs {
  team_id: string;
  /** Number of jobs in this page (not an overall count). */
  total: number;
  jobs: Job[];
}

export type BudgetMode = "job_based" | "consumption_usd" | "consumption_tokens";

export interface CreditBalance {
  team_id: string;
  organization_id: string | null;
  credits_allocated: number;
  credits_used: number;
  credits_remaining: number;
  credit_limit: number | null;
  auto_refill: boolean;
  refill_amount: number | null;
  refill_period: string | null;
  last_refill_at: Date | null;
  budget_mode: BudgetMode;
  credits_per_dollar: number;
  tokens_per_credit: number;
  cost_markup_percentage: number;
  status: string;
  created_at: Date | null;
  updated_at: Date | null;
}

export interface CreditTransaction {
  transaction_id: string;
  team_id: string;
  organization_id: string | null;
  job_id: string | null;
  transaction_type: "deduction" | "allocation" | "refund" | (string & {});
  credits_amount: number;
  credits_before: number;
  credits_after: number;
  reason: string | null;
  created_at: Date;
}

export interface CreditTransactions {
  team_id: string;
  total: number;
  transactions: CreditTransaction[];
}

export type CreditCheck =
  | { team_id: string; has_credits: true; credits_remaining: number; credits_needed: number }
  | { team_id: string; has_credits: false; error: string; credits_needed: number };

export interface Health {
  status: string;
  service: string;
}

/** Token usage, when a stream carries it (OpenAI `usage`, Anthropic `usage`, Gemini `usageMetadata`). */
export interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

/** A tool-call fragment from an OpenAI-style delta. */
export interface ToolCallDelta {
  index: number;
  id?: string;
  name?: string;
  arguments?: string;
}

/** Which provider shape a stream turned out to have. */
export type StreamShape = "openai" | "anthropic" | "gemini" | "unknown";

/** One event read from a chat stream, after shape detection. */
export type ChatStreamEvent =
  | { type: "text"; text: string }
  | { type: "tool_call"; delta: ToolCallDelta }
  | { type: "finish"; reason: string }
  | { type: "usage"; usage: Usage }
  | { type: "keepalive" };

/** What a finished stream produced. */
export interface ChatStreamResult {
  text: string;
  shape: StreamShape;
  finishReason: string | null;
  usage: Usage | null;
  toolCalls: ToolCallDelta[];
  chunkCount: number;
  /** The body reached EOF after the end marker. False when it was cut after it: the server may not have closed the job. */
  reachedEof: boolean;
}

/** E16 team info. The server also returns the team's virtual key; the client drops it (it never hands keys around). */
export interface TeamInfo {
  team_id: string;
  organization_id: string | null;
  /** The credit account; `credits.status` is where a suspended or paused team shows (no top-level status). */
  credits: CreditBalance;
  access_groups: string[];
  /** Sorted. */
  allowed_model_aliases: string[];
  credits_allocated: number;
  credits_remaining: number;
}

/** E17: how a legacy model group resolves for the team. */
export type ModelGroupResolution =
  | { group_name: string; primary_model: string; fallback_models: string[]; team_has_access: true }
  | { group_name: string; primary_model: null; fallback_models: string[]; team_has_access: false; error: string };
