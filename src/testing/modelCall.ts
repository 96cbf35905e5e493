/** The simulated provider call shared by E3–E6: model access, job creation and call records. */
import { detailResponse } from "./responses";
import { countPromptTokens, replyFor, tokenize } from "./reply";
import { jobCostUsd, jobTokens } from "./ledger";
import { remaining, type SimState, type SimTeam } from "./state";
import type { SimCall, SimJob, SimJobStatus, SimProvider } from "./types";

/** USD per token (prompt, completion); only E3 calls record a cost (§3.4). */
const PRICES: Record<SimProvider, [number, number]> = {
  openai: [0.15e-6, 0.6e-6],
  anthropic: [0.8e-6, 4e-6],
  gemini: [0.075e-6, 0.3e-6],
};

/** Which endpoint made the call: it decides what is recorded (E5 no cost, streams neither tokens nor cost). */
export type CallSource = "llm-call" | "create-and-call" | "stream";

/** Provider guess for a model-group name (§3.1); fireworks is served in the OpenAI shape. */
export function guessProvider(name: string): SimProvider {
  if (/claude/i.test(name)) return "anthropic";
  if (/gemini/i.test(name)) return "gemini";
  return "openai";
}

/** Resolves `model` for the team: M1 for a known alias the team lacks, M2 for anything else it lacks. */
export function resolveModel(state: SimState, team: SimTeam, model: string): { provider: SimProvider } | { denied: string } {
  const alias = state.models[model];
  if (alias) {
    if (team.models.includes(model)) return { provider: alias.provider };
    return { denied: `Team '${team.teamId}' does not have access to model alias '${model}'` };
  }
  if (team.models.includes(model)) return { provider: guessProvider(model) };
  return { denied: `Team '${team.teamId}' does not have access to model group '${model}'` };
}

/** Documented preset: the docs' budget check before a call (the upstream never sends it, §9 row 3). */
export function creditGate(state: SimState, team: SimTeam): Response | null {
  return state.preset === "documented" && remaining(team) < 1 ? detailResponse(403, "Insufficient credits") : null;
}

/** Inserts a job. */
export function insertJob(
  state: SimState,
  team: SimTeam,
  init: { jobType: string; userId: string | null; metadata: Record<string, unknown> | null; status: SimJobStatus; createdBy: SimJob["createdBy"] },
): SimJob {
  const now = Date.now();
  const job: SimJob = {
    jobId: state.rng.uuid(),
    teamId: team.teamId,
    userId: init.userId,
    jobType: init.jobType,
    status: init.status,
    createdAt: now,
    startedAt: init.status === "IN_PROGRESS" ? now : null,
    completedAt: null,
    metadata: init.metadata,
    errorMessage: null,
    creditApplied: false,
    modelGroupsUsed: [],
    calls: [],
    hasCostSummary: false,
    costSummary: null,
    createdBy: init.createdBy,
  };
  state.jobs.push(job);
  return job;
}

/** Runs the fake provider (or takes a streamed `reply`) and records the call on the job; `error` marks it failed. */
export function recordCall(
  state: SimState,
  job: SimJob,
  body: Record<string, unknown>,
  provider: SimProvider,
  source: CallSource,
  outcome: { reply?: string; error?: string } = {},
): { call: SimCall; text: string; tokens: string[] } {
  const messages = (body.messages as unknown[] | undefined) ?? [];
  const text = outcome.reply ?? replyFor(state.options, messages);
  const tokens = tokenize(text);
  const counted = source !== "stream" && outcome.error === undefined;
  const promptTokens = counted ? countPromptTokens(messages) : 0;
  const completionTokens = counted ? tokens.length : 0;
  const [inPrice, outPrice] = PRICES[provider];
  const model = String(body.model);
  const call: SimCall = {
    callId: state.rng.uuid(),
    jobId: job.jobId,
    model,
    purpose: typeof body.purpose === "string" ? body.purpose : null,
    promptTokens,
    completionTokens,
    costUsd: source === "llm-call" && counted ? promptTokens * inPrice + completionTokens * outPrice : 0,
    // The server times only calls that returned (upstream-behaviour §3).
    latencyMs: outcome.error === undefined ? state.rng.int(120, 900) : null,
    error: outcome.error ?? null,
    createdAt: Date.now(),
  };
  job.calls.push(call);
  // Upstream keeps only the first distinct model (§9 row 24).
  if (job.modelGroupsUsed.length === 0) job.modelGroupsUsed.push(model);
  return { call, text, tokens };
}

/** Marks the job finished (E5/E6 paths), with a cost summary for usage reports. */
export function finishJob(job: SimJob, status: "COMPLETED" | "FAILED", errorMessage: string | null = null): void {
  job.status = status;
  job.completedAt = Date.now();
  writeCostSummary(job);
  if (errorMessage) job.errorMessage = errorMessage;
  if (status === "FAILED") job.creditApplied = false;
}

/** The snapshot usage reports read: calls made after it do not count until the next completion (upstream-behaviour §6). */
export function writeCostSummary(job: SimJob): void {
  job.hasCostSummary = true;
  job.costSummary = { costUsd: jobCostUsd(job), tokens: jobTokens(job) };
}
