/** `@saas-litellm/react/testing/msw`: MSW v2 handlers serving the simulator (msw is an optional peer). */
export { createSimulatorHandlers } from "./msw";
export type { SimulatorHandlersOptions } from "./msw";
