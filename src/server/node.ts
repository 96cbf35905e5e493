/** `@saas-litellm/react/server/node`: the Node adapter of the proxy (kept apart: it loads `node:net`). */
export { toNodeHandler } from "./nodeHandler";
