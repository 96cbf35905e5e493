import { SaaSLLMError } from "./SaaSLLMError";
import type { ChatMessage, LLMParams } from "./types";

/**
 * Fails fast, with no request, on messages the server would reject or forward broken:
 * a non-empty array of objects with a string role and string content.
 */
export function validateMessages(messages: unknown, endpoint: string): asserts messages is ChatMessage[] {
  const problem = !Array.isArray(messages)
    ? "messages must be an array"
    : messages.length === 0
      ? "messages must not be empty"
      : messages.findIndex((m) => typeof m !== "object" || m === null || typeof (m as ChatMessage).role !== "string" || typeof (m as ChatMessage).content !== "string");
  if (problem === -1) return;
  const text = typeof problem === "number" ? `messages[${problem}] needs a string role and string content` : problem;
  throw new SaaSLLMError({
    kind: "bad_request",
    message: `The request was rejected before sending (${endpoint}): ${text}`,
    detail: text,
    endpoint,
    fieldErrors: [{ path: typeof problem === "number" ? `body.messages.${problem}` : "body.messages", loc: ["body", "messages"], message: text, type: "client_validation" }],
  });
}

/**
 * The LLM part of a request body. `model` goes out as both `model` (what the server's code requires) and
 * `model_group` (what its docs say); `stop` always as a list; undefined fields are left out.
 */
export function llmBody<T extends LLMParams>(input: T, endpoint: string): Record<string, unknown> {
  validateMessages(input.messages, endpoint);
  if (typeof input.model !== "string" || input.model === "") {
    throw new SaaSLLMError({ kind: "bad_request", message: `The request was rejected before sending (${endpoint}): model is required`, detail: "model is required", endpoint });
  }
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) body[k] = v;
  body.model_group = input.model;
  if (typeof input.stop === "string") body.stop = [input.stop];
  return body;
}
