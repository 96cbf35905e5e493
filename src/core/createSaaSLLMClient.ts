import { accountMethods } from "./accountMethods";
import type { SaaSLLMClientOptions } from "./clientOptions";
import { composeSaaSLLMClient } from "./createJobsClient";
import { lookupMethods } from "./lookupMethods";
import { requestMethods } from "./requestMethods";
import { streamMethods } from "./streamMethods";

export type { SaaSLLMClientOptions } from "./clientOptions";

/**
 * Creates a client with one method per client-facing endpoint of the SaaS LiteLLM API. An app that calls
 * only some endpoints can ship less with `composeSaaSLLMClient(options, streamMethods)`.
 *
 * @example
 * const client = createSaaSLLMClient({ baseUrl: "https://llm.example.com", teamId: "acme", virtualKey: "sk-..." });
 * const { job_id } = await client.createJob({ job_type: "chat" });
 * const result = await client.llmCall(job_id, { model: "chat-fast", messages: [{ role: "user", content: "Hi" }] });
 * await client.completeJob(job_id, { status: "completed" });
 */
export function createSaaSLLMClient(options: SaaSLLMClientOptions) {
  return composeSaaSLLMClient(options, streamMethods, accountMethods, lookupMethods, requestMethods);
}

/** The client returned by `createSaaSLLMClient`. */
export type SaaSLLMClient = ReturnType<typeof createSaaSLLMClient>;
