import { messageFor } from "./errorMessages";
import type { EndpointMethod, EndpointName, Route } from "./endpoints";
import { SaaSLLMError } from "./SaaSLLMError";

/** What Python's `uuid.UUID()` accepts: any case, with or without hyphens, `{…}` or `urn:uuid:` around it. */
export function isJobId(jobId: string): boolean {
  return /^[0-9a-f]{32}$/i.test(jobId.replace(/^(urn:)?(uuid:)?\{?|\}$|-/gi, ""));
}

/**
 * The method and path of a call to `endpoint`, read from its module's route table (`routes`): the route's
 * `{id}` filled with `id` (encoded), then `query`. A job id that is not a UUID is a `bad_request` before any
 * request: the server answers it with a plain-text 500 that no retry can fix (docs/upstream-behaviour.md §4).
 */
export function routeOf<N extends EndpointName>(routes: Record<N, Route>, endpoint: N, id = "", query = ""): [EndpointMethod, string] {
  const [method, path] = routes[endpoint].split(" ") as [EndpointMethod, string];
  if (path.startsWith("/api/jobs/{") && !isJobId(id)) {
    const detail = "the job id is not a UUID";
    throw new SaaSLLMError({ kind: "bad_request", message: `${messageFor("bad_request", undefined, "", endpoint)}: ${detail}`, detail, endpoint, permanent: true });
  }
  return [method, path.replace("{id}", encodeURIComponent(id)) + query];
}
