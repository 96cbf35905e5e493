/** The simulator's in-memory database: teams, jobs, calls and credit transactions. */
import { DEFAULT_MODELS, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "./constants";
import { createRng, type Rng } from "./prng";
import type { ProviderFault, ProviderRequest, SimBudgetMode, SimJob, SimProvider, SimServer, SimTeamStatus, SimulatorOptions } from "./types";

export interface SimTeam {
  teamId: string;
  organizationId: string;
  /** `null` once revoked: no bearer token can match it. */
  virtualKey: string | null;
  status: SimTeamStatus;
  allocated: number;
  used: number;
  models: string[];
  budgetMode: SimBudgetMode;
  createdAt: number;
  updatedAt: number;
}

export interface SimTransaction {
  transactionId: string;
  teamId: string;
  jobId: string | null;
  type: "deduction" | "allocation";
  amount: number;
  before: number;
  after: number;
  reason: string;
  createdAt: number;
}

export interface SimState {
  /** Whose behaviour the server follows (`live` runs the upstream server). */
  preset: SimServer;
  /** `buffered`: streams wait for the whole provider answer, then send it in one burst (upstream). */
  delivery: "buffered" | "live";
  options: SimulatorOptions;
  rng: Rng;
  models: Record<string, { provider: SimProvider }>;
  teams: Map<string, SimTeam>;
  /** Insertion order doubles as the tie-breaker for "newest first". */
  jobs: SimJob[];
  transactions: SimTransaction[];
  /** Request times per team, for the documented preset's rate limit. */
  rateWindows: Map<string, number[]>;
  /** Scripted provider faults, consumed one per provider request. */
  providerFaults: Array<{ fault: ProviderFault; remaining: number }>;
  providerRequests: ProviderRequest[];
}

/** Remaining credits of a team. */
export const remaining = (team: SimTeam): number => team.allocated - team.used;

/** Builds the initial state for `options` (also used by `reset()`). */
export function createState(options: SimulatorOptions): SimState {
  const models = options.models ?? DEFAULT_MODELS;
  const state: SimState = {
    preset: options.preset === "live" ? "upstream" : (options.preset ?? "documented"),
    delivery: options.preset === "upstream" ? "buffered" : "live",
    options,
    rng: createRng(options.seed ?? Math.floor(Math.random() * 2 ** 32)),
    models,
    teams: new Map(),
    jobs: [],
    transactions: [],
    rateWindows: new Map(),
    providerFaults: [],
    providerRequests: [],
  };
  const inits = options.teams ?? [{ teamId: DEMO_TEAM_ID, virtualKey: DEMO_VIRTUAL_KEY }];
  const now = Date.now();
  for (const init of inits) {
    const credits = init.credits ?? 100;
    const team: SimTeam = {
      teamId: init.teamId,
      organizationId: init.organizationId ?? `org-${init.teamId}`,
      virtualKey: init.virtualKey,
      status: init.status ?? "active",
      allocated: credits,
      used: 0,
      models: [...(init.models ?? Object.keys(models))],
      budgetMode: init.budgetMode ?? "job_based",
      createdAt: now,
      updatedAt: now,
    };
    state.teams.set(team.teamId, team);
    // A team created through the upstream API gets its credits without a ledger row (upstream-behaviour §6).
    if (credits > 0 && state.preset === "documented") recordTransaction(state, team, null, "allocation", credits, 0, "Initial allocation");
  }
  return state;
}

/** Appends a ledger row (E14). */
export function recordTransaction(
  state: SimState,
  team: SimTeam,
  jobId: string | null,
  type: SimTransaction["type"],
  amount: number,
  before: number,
  reason: string,
): void {
  state.transactions.push({
    transactionId: state.rng.uuid(),
    teamId: team.teamId,
    jobId,
    type,
    amount,
    before,
    after: type === "deduction" ? before - amount : before + amount,
    reason,
    createdAt: Date.now(),
  });
}

/** Finds a job by any spelling Python's `uuid.UUID()` accepts; `undefined` = not found, `null` = not a UUID. */
export function findJob(state: SimState, raw: string): SimJob | undefined | null {
  const id = normalizeUuid(raw);
  if (id === null) return null;
  return state.jobs.find((job) => job.jobId === id);
}

/** Like `uuid.UUID(str)`: accepts braces, `urn:uuid:`, any case, with or without hyphens. */
export function normalizeUuid(raw: string): string | null {
  let text = raw.trim().replace(/^urn:/i, "").replace(/^uuid:/i, "").replace(/^\{|\}$/g, "").replace(/-/g, "");
  text = text.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(text)) return null;
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
