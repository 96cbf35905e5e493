import type { SaaSLLMErrorKind } from "./SaaSLLMError";

/** Short developer-facing messages. 5xx details never appear in them (they can carry provider URLs). */
const MESSAGES: Record<SaaSLLMErrorKind, string> = {
  bad_request: "The request was rejected as invalid",
  unauthorized: "The virtual key was rejected",
  team_suspended: "The team is suspended",
  team_paused: "The team is paused",
  insufficient_credits: "The team has run out of credits",
  model_access_denied: "The team has no access to this model",
  forbidden: "Access to this resource is forbidden",
  not_found: "The resource was not found",
  validation: "The request failed validation",
  rate_limited: "Too many requests",
  server: "The server failed to handle the request",
  unavailable: "The service is temporarily unavailable",
  network: "The network request failed",
  timeout: "The request timed out",
  aborted: "The request was aborted",
  stream_interrupted: "The stream was interrupted before it finished",
  stream_error: "The stream reported an error",
  bad_response: "The server sent a response the client could not read",
  circuit_open: "Requests are paused after repeated failures",
};

/** The message for an error: 4xx details are safe to echo (after redaction), 5xx details are not. */
export function messageFor(kind: SaaSLLMErrorKind, status: number | undefined, detail: string, endpoint?: string): string {
  const base = MESSAGES[kind];
  const where = endpoint ? ` (${endpoint})` : "";
  const showDetail = detail !== "" && status !== undefined && status < 500 && detail.length <= 300;
  return showDetail ? `${base}${where}: ${detail}` : `${base}${where}${status ? ` [HTTP ${status}]` : ""}`;
}
