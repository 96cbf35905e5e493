/** Team endpoints: E11 usage and E12 job list. */
import type { Handler } from "../context";
import { jobWire } from "../jobWire";
import { detailResponse, internalServerError, jsonResponse } from "../responses";
import type { SimJobStatus } from "../types";
import { missingQuery, parseQueryInt } from "../validation";

const STATUSES: SimJobStatus[] = ["PENDING", "IN_PROGRESS", "COMPLETED", "FAILED", "CANCELLED"];
const round = (n: number, dp: number): number => Math.round(n * 10 ** dp) / 10 ** dp;

/** E11: `period` is a prefix of `YYYY-MM`, so a day never matches (§9 row 23). */
export const getTeamUsage: Handler = (ctx) => {
  const period = ctx.query.get("period");
  if (period === null) return detailResponse(422, [missingQuery("period")]);
  if (ctx.param !== ctx.team.teamId) return detailResponse(403, "Cannot access usage data for a different team");
  const jobs = ctx.state.jobs.filter(
    (j) => j.teamId === ctx.team.teamId && new Date(j.createdAt).toISOString().slice(0, 7).startsWith(period),
  );
  // Usage reads the summary written at completion, so later calls do not count (upstream-behaviour §6).
  const costed = jobs.flatMap((j) => (j.costSummary ? [j.costSummary] : []));
  const totalCost = costed.reduce((s, c) => s + c.costUsd, 0);
  const jobTypes: Record<string, { count: number; cost_usd: number }> = {};
  for (const job of jobs) {
    const entry = (jobTypes[job.jobType] ??= { count: 0, cost_usd: 0 });
    entry.count += 1;
    if (job.costSummary) entry.cost_usd = round(entry.cost_usd + job.costSummary.costUsd, 6);
  }
  return jsonResponse(200, {
    team_id: ctx.team.teamId,
    period,
    summary: {
      total_jobs: jobs.length,
      successful_jobs: jobs.filter((j) => j.status === "COMPLETED").length,
      failed_jobs: jobs.filter((j) => j.status === "FAILED").length,
      total_cost_usd: round(totalCost, 2),
      total_tokens: costed.reduce((s, c) => s + c.tokens, 0),
      avg_cost_per_job: jobs.length ? round(totalCost / jobs.length, 4) : 0,
    },
    job_types: jobTypes,
  });
};

/**
 * E12: newest first; `total` counts this page only. Upstream 500s (plain text) on a status that is not an
 * exact uppercase value and on negative paging; the documented preset accepts lowercase statuses.
 */
export const listTeamJobs: Handler = (ctx) => {
  const limit = parseQueryInt(ctx.query.get("limit") ?? "100", ["query", "limit"]);
  const offset = parseQueryInt(ctx.query.get("offset") ?? "0", ["query", "offset"]);
  const errors = [...limit.error, ...offset.error];
  if (errors.length) return detailResponse(422, errors);
  if (ctx.param !== ctx.team.teamId) return detailResponse(403, "Cannot access jobs for a different team");
  let status = ctx.query.get("status");
  if (status !== null && ctx.state.preset === "documented") status = status.toUpperCase();
  if (status !== null && status !== "" && !STATUSES.includes(status as SimJobStatus)) return internalServerError();
  if (limit.value < 0 || offset.value < 0) return internalServerError();
  const jobs = ctx.state.jobs
    .filter((j) => j.teamId === ctx.team.teamId && (!status || j.status === status))
    .reverse()
    .slice(offset.value, offset.value + limit.value);
  return jsonResponse(200, { team_id: ctx.team.teamId, total: jobs.length, jobs: jobs.map((j) => jobWire(ctx.state, j)) });
};
