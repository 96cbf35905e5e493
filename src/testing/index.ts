/** `@saas-litellm/react/testing`: the API simulator and its MSW and Node adapters. */
export { createSimulator } from "./createSimulator";
export { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "./constants";
export { createSimulatorHandlers } from "./msw";
export { startSimulatorServer } from "./server";
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
export type { SimulatorHandlersOptions } from "./msw";
export type { SimulatorServer, SimulatorServerOptions } from "./server";
