/** The endpoint table as path matchers, for the two routers that read it: the proxy's allowlist and the simulator. */
import type { Endpoint, EndpointMethod, EndpointName } from "./endpoints";
import { ENDPOINTS } from "./endpointRules";

/** One row of {@link ENDPOINTS} with its name, its method apart and its path as an anchored pattern (`{id}` is capture group 1, one segment). */
export interface EndpointPattern extends Endpoint {
  endpoint: EndpointName;
  method: EndpointMethod;
  pattern: RegExp;
}

/** Every endpoint, in the table's (the upstream's routing) order. */
export const ENDPOINT_PATTERNS: readonly EndpointPattern[] = (Object.keys(ENDPOINTS) as EndpointName[]).map((endpoint) => {
  const row = ENDPOINTS[endpoint];
  const [method, path] = row.route.split(" ") as [EndpointMethod, string];
  const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace("{id}", "([^/]+)")}$`);
  return { ...row, endpoint, method, pattern };
});

/** A path segment decoded, or as sent when it is not valid percent-encoding. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
