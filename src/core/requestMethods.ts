import type { CallOptions } from "./callOptions";
import type { ClientCore } from "./clientCore";
import type { EndpointName } from "./endpoints";
import { readJson } from "./jsonCall";
import { send } from "./transport";

/** Low-level access for advanced uses, as a method module for `composeSaaSLLMClient`. */
export function requestMethods({ config }: ClientCore) {
  return {
    /** One request through auth, timeouts, retries and events; the answer's JSON as is. */
    request<T>(endpoint: EndpointName, method: "GET" | "POST" | "PATCH", path: string, body?: unknown, opts?: CallOptions): Promise<T> {
      return send(config, { endpoint, method, path, body, ...opts }, (res) => readJson(res, endpoint) as Promise<T>);
    },
  };
}
