/**
 * `@saas-litellm/react/testing`: an in-memory SaaS LiteLLM API for tests, Storybook and demos. It runs in
 * browsers and Node alike. The MSW handlers live in `@saas-litellm/react/testing/msw` (so `msw` stays an
 * optional peer) and the loopback HTTP server in `@saas-litellm/react/testing/node`.
 */
export { createSimulator } from "./createSimulator";
export { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "./constants";
export { utf8HeavyReply } from "./reply";

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
