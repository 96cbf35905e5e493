import type { CallOptions } from "./callOptions";
import type { EndpointName, Route } from "./endpoints";
import { badResponseError } from "./errorFactories";
import { routeOf } from "./jobId";
import { send, type TransportConfig } from "./transport";
import type { JobCosts } from "./types";

/** Where a JSON answer came from, for the events a method emits after it. */
export type Where = { endpoint: EndpointName; requestId: string; attempt: number; at: number };

/**
 * One JSON request through the transport to `endpoint` (its method and path from its module's route table,
 * with `id` and `query`): parsed, a `credits` event when the answer carries a charge.
 */
export type JsonCall<N extends EndpointName = EndpointName> = <R>(endpoint: N, id: string | undefined, query: string, body: unknown, opts: CallOptions | undefined, parse: (json: unknown) => R, observe?: (result: R, where: Where) => void) => Promise<R>;

/** A 2xx answer's JSON body, or a `bad_response` error when it is not JSON. */
export async function readJson(res: Response, endpoint: EndpointName): Promise<unknown> {
  try {
    return await res.json();
  } catch (cause) {
    throw badResponseError("body is not JSON", { endpoint, status: res.status }).with({ cause });
  }
}

/** The JSON call of one method module, over the routes of its endpoints. */
export function createJsonCall<N extends EndpointName>(config: TransportConfig, routes: Record<N, Route>): JsonCall<N> {
  return (endpoint, id, query, body, opts, parse, observe) => {
    const [method, path] = routeOf(routes, endpoint, id, query);
    return send(config, { endpoint, method, path, body, ...opts }, async (res, ctx) => {
      const result = parse(await readJson(res, endpoint));
      const costs = (result as { costs?: JobCosts }).costs;
      if (costs && typeof costs.credit_applied === "boolean" && "credits_remaining" in costs) {
        config.hub.emit({ type: "credits", endpoint, requestId: ctx.requestId, attempt: ctx.attempt, at: Date.now(), creditApplied: costs.credit_applied, creditsRemaining: costs.credits_remaining });
      }
      observe?.(result, { endpoint, requestId: ctx.requestId, attempt: ctx.attempt, at: Date.now() });
      return result;
    });
  };
}
