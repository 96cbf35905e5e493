/** What every endpoint handler receives once routing, JSON parsing and auth have passed. */
import type { EndpointName } from "../core/endpoints";
import { detailResponse, internalServerError } from "./responses";
import { findJob, type SimState, type SimTeam } from "./state";
import type { SimJob, StreamFault } from "./types";
import type { ParsedBody } from "./validation";

export interface HandlerContext {
  state: SimState;
  team: SimTeam;
  endpoint: EndpointName;
  /** The path parameter (job id or team id), decoded; "" when the path has none. */
  param: string;
  body: ParsedBody;
  query: URLSearchParams;
  signal: AbortSignal;
  streamFault?: StreamFault;
}

export type Handler = (ctx: HandlerContext) => Response | Promise<Response>;

/** The JSON body as a record (handlers call this only after validation passed). */
export const bodyOf = (ctx: HandlerContext): Record<string, unknown> =>
  ctx.body.kind === "json" ? (ctx.body.value as Record<string, unknown>) : {};

/** Finds the path's job for the key's team: 500 text for a non-UUID, N1 404, T2 403. */
export function loadJob(ctx: HandlerContext): SimJob | Response {
  const job = findJob(ctx.state, ctx.param);
  if (job === null) return internalServerError();
  if (job === undefined) return detailResponse(404, "Job not found");
  if (job.teamId !== ctx.team.teamId) return detailResponse(403, "Job does not belong to your team");
  return job;
}
