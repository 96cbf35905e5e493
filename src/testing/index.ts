/**
 * `@saas-litellm/react/testing`: an in-memory SaaS LiteLLM API (see api-contract.md) with MSW and
 * loopback-server adapters. The server adapter loads `node:http` lazily, so browsers can import this entry.
 * The MSW handlers live in `@saas-litellm/react/testing/msw`, so `msw` stays an optional peer.
 */
export { createSimulator } from "./createSimulator";
export { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "./constants";
export { startSimulatorServer } from "./server";

export type { SimulatorServer, SimulatorServerOptions } from "./server";
export type {
  Fault,
  FaultScript,
  RecordedRequest,
  SimBudgetMode,
  SimCall,
  SimJob,
  SimJobStatus,
  SimLedger,
  SimPreset,
  SimProvider,
  SimTeamInit,
  SimTeamStatus,
  Simulator,
  SimulatorOptions,
  StreamFault,
  TeamControl,
} from "./types";
export type { ProviderControl, ProviderFault, ProviderRequest, SimServer } from "./types";
