/** The request log: what tests assert on, with the virtual key redacted. */
import type { EndpointName } from "../core/endpoints";
import type { RecordedRequest } from "./types";

/** Records one request; `text` is the body already read. */
export function recordRequest(request: Request, endpoint: EndpointName | "unknown", text: string): RecordedRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    // Never keep the key: logs end up in CI output and snapshots.
    headers[name] = name === "authorization" ? "Bearer [redacted]" : value;
  });
  const record: RecordedRequest = {
    endpoint,
    method: request.method,
    path: new URL(request.url).pathname,
    headers,
    body: parseLoose(text),
    at: Date.now(),
  };
  const key = request.headers.get("idempotency-key");
  if (key !== null) record.idempotencyKey = key;
  return record;
}

function parseLoose(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
