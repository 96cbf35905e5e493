/** The simulator: one Fetch-API handler over the in-memory model (see docs/wire-protocol.md). */
import type { EndpointName } from "../core/endpoints";
import { authenticate, checkRateLimit, teamOfToken } from "./auth";
import { DEMO_TEAM_ID } from "./constants";
import { isPreflight, preflightResponse } from "./cors";
import { createFaultQueue, isDelayFault, isNetworkFault, isRawFault, isSimulatedNetworkError, isStreamFault, simulatedNetworkError } from "./faults";
import { BODY_ENDPOINTS, HANDLERS } from "./handlers/index";
import { teamInfo } from "./handlers/teamInfo";
import { createLedgerView } from "./ledger";
import { createProviderControl } from "./provider";
import { parseBody } from "./requestBody";
import { recordRequest } from "./requestLog";
import { detailResponse, internalServerError, jsonResponse, rawResponse } from "./responses";
import { matchRoute } from "./routes";
import { createState, type SimState, type SimTeam } from "./state";
import { createTeamControl } from "./teamControl";
import type { Fault, RecordedRequest, Simulator, SimulatorOptions, StreamFault } from "./types";
import { jsonInvalid } from "./validation";
import { wait } from "./wait";

const REASONS: Record<number, string> = { 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };

/**
 * Creates an in-memory SaaS LiteLLM API. Use `simulator.fetch` directly as a `fetch`, through
 * `createSimulatorHandlers` (MSW) or `startSimulatorServer` (real HTTP on loopback).
 *
 * @example
 * const sim = createSimulator({ preset: "upstream", seed: 1 });
 * sim.script.next("createJob", { status: 503, headers: { "retry-after": "2" } });
 * const res = await sim.fetch(new Request("http://sim/health"));
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  let state = createState(options);
  const faults = createFaultQueue();
  const requests: RecordedRequest[] = [];

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const route = matchRoute(request.method, url.pathname);
    const endpoint = route.kind === "endpoint" ? route.endpoint : "unknown";
    const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text().catch(() => "");
    const record = recordRequest(request, endpoint, text);
    requests.push(record);
    if (isPreflight(request)) return preflightResponse(request, options.corsOrigins);
    const fault = route.kind === "endpoint" ? await applyFault(faults.take(route.endpoint), request.signal) : {};
    if (fault.response) return fault.response;
    await wait(options.firstByteDelayMs ?? 0, request.signal);
    if (route.kind === "not-found") return detailResponse(404, "Not Found");
    if (route.kind === "method-not-allowed") return detailResponse(405, "Method Not Allowed", { allow: route.allow.join(", ") });
    if (route.endpoint === "health") return jsonResponse(200, { status: "healthy", service: "saas-llm-api" });
    if (route.endpoint === "getTeamInfo") return teamInfo(state, route.param);
    const body = BODY_ENDPOINTS.has(route.endpoint) ? parseBody(text, request.headers.get("content-type")) : ({ kind: "missing" } as const);
    if (body.kind === "invalid") return detailResponse(422, [jsonInvalid(body.text, body.error)]);
    const team = authorize(state, request.headers.get("authorization"), record);
    if (team instanceof Response) return team;
    const handler = HANDLERS[route.endpoint];
    return handler({ state, team, endpoint: route.endpoint, param: route.param, body, query: url.searchParams, signal: request.signal, streamFault: fault.streamFault });
  }

  return {
    get preset() {
      return options.preset ?? "documented";
    },
    async fetch(input, init) {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      if (request.signal.aborted) throw request.signal.reason;
      try {
        return await handle(request);
      } catch (error) {
        if (isSimulatedNetworkError(error)) throw error;
        if (request.signal.aborted) throw request.signal.reason;
        // Like the real server: an unexpected crash is a plain-text 500, never a rejected fetch.
        return internalServerError();
      }
    },
    requests,
    requestsTo: (endpoint: EndpointName) => requests.filter((r) => r.endpoint === endpoint),
    clearRequests: () => void requests.splice(0),
    script: { next: faults.next, clear: faults.clear },
    provider: createProviderControl(() => state),
    team: (teamId = DEMO_TEAM_ID) => createTeamControl(() => state, teamId),
    ledger: createLedgerView(() => state),
    reset() {
      state = createState(options);
      faults.clear();
      requests.splice(0);
    },
  };
}

/** A scripted fault's effect before the model runs: a response of its own, a delay, or a stream fault to hand on. */
async function applyFault(fault: Fault | undefined, signal: AbortSignal): Promise<{ response?: Response; streamFault?: StreamFault }> {
  if (!fault) return {};
  if (isNetworkFault(fault)) throw simulatedNetworkError();
  if (isDelayFault(fault)) return wait(fault.delayMs, signal).then(() => ({}));
  if (isStreamFault(fault)) return { streamFault: fault.stream };
  return { response: faultResponse(fault) };
}

/** The key's team, or the refusal (401/403/429). The log names the key's team even when that team is refused. */
function authorize(state: SimState, header: string | null, record: RecordedRequest): SimTeam | Response {
  const team = authenticate(state, header);
  const keyTeam = team instanceof Response ? teamOfToken(state, header?.trim().split(/\s+/)[1]) : team;
  if (keyTeam) record.teamId = keyTeam.teamId;
  if (team instanceof Response) return team;
  return checkRateLimit(state, team, Date.now()) ?? team;
}

function faultResponse(fault: Exclude<Fault, { networkError: true } | { delayMs: number } | { stream: StreamFault }>): Response {
  if (isRawFault(fault)) return rawResponse(fault.status, fault.body, fault.contentType, fault.headers);
  return detailResponse(fault.status, fault.detail ?? REASONS[fault.status] ?? "Error", fault.headers);
}
