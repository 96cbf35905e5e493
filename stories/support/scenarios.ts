import type { EndpointName } from "@saas-litellm/react";
import type { Simulator } from "@saas-litellm/react/testing";

/** A failure a person can put the simulator in; the next real call then meets it. */
export interface Scenario {
  label: string;
  /** Sets the fault up on the simulator (the call itself is made by the story). */
  arrange(simulator: Simulator, endpoint: EndpointName): void;
  /** Call parameters that make the request itself wrong (a genuine 422 from the simulator). */
  params?: Record<string, unknown>;
}

export type ScenarioName =
  | "out-of-credits"
  | "team-suspended"
  | "team-paused"
  | "re-auth"
  | "no-model-access"
  | "rate-limited"
  | "service-unavailable"
  | "network"
  | "interrupted"
  | "validation";

const STREAMS: EndpointName[] = ["streamLLMCall", "streamCreateAndCall"];

/** Every error state, produced by the simulator the way the real server produces it. */
export const SCENARIOS: Record<ScenarioName, Scenario> = {
  "out-of-credits": { label: "Out of credits (403)", arrange: (sim) => sim.team().setCredits(0) },
  "team-suspended": { label: "Team suspended (403)", arrange: (sim) => sim.team().suspend() },
  "team-paused": { label: "Team paused (403)", arrange: (sim) => sim.team().pause() },
  "re-auth": { label: "Key revoked (401)", arrange: (sim) => sim.team().revokeKey() },
  "no-model-access": { label: "No access to the model (403)", arrange: (sim) => sim.team().allowModels(["chat-claude"]) },
  "rate-limited": {
    label: "Rate limited (429, Retry-After 5 s)",
    arrange: (sim, endpoint) => sim.script.next(endpoint, { status: 429, detail: "Rate limit exceeded", headers: { "Retry-After": "5" } }),
  },
  "service-unavailable": { label: "Service unavailable (503)", arrange: (sim, endpoint) => sim.script.next(endpoint, { status: 503 }) },
  network: { label: "Network down", arrange: (sim, endpoint) => sim.script.next(endpoint, { networkError: true }) },
  interrupted: {
    label: "Stream cut mid-answer",
    arrange: (sim, endpoint) => sim.script.next(STREAMS.includes(endpoint) ? endpoint : "streamCreateAndCall", { stream: { cutAfterChunks: 6 } }),
  },
  validation: { label: "Invalid request (422)", arrange: () => undefined, params: { max_tokens: 1.5, temperature: "warm" } },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

/** Puts the simulator back to a healthy team with credits, its key and every model. */
export function heal(simulator: Simulator): void {
  simulator.reset();
}
