/**
 * `@saas-litellm/react/testing/node`: the simulator over real HTTP on loopback (Node only). Kept apart from
 * `@saas-litellm/react/testing` so browser bundles of the simulator never see `node:http`.
 */
export { startSimulatorServer } from "./server";
export type { SimulatorServer, SimulatorServerOptions } from "./server";
