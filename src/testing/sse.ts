/** Provider-shaped stream payloads (§6.2): what the server copies through as `data: <json>` lines. */
import { ACTUAL_MODELS } from "./constants";
import type { Rng } from "./prng";
import type { SimProvider } from "./types";

/** One provider's events for a reply: setup events, one event per token, closing events. */
export interface ProviderEvents {
  preamble: string[];
  content: string[];
  /** Closing events, including the literal `[DONE]` for OpenAI; Anthropic and Gemini just end. */
  end: string[];
}

/** Builds the payloads (without the `data: ` prefix) for `tokens` in the shape of `provider`. */
export function providerEvents(provider: SimProvider, tokens: string[], rng: Rng, promptTokens: number): ProviderEvents {
  if (provider === "anthropic") return anthropicEvents(tokens, rng, promptTokens);
  if (provider === "gemini") return geminiEvents(tokens, promptTokens);
  return openAiEvents(tokens, rng);
}

function openAiEvents(tokens: string[], rng: Rng): ProviderEvents {
  const head = {
    id: `chatcmpl-${rng.alnum(12)}`,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model: ACTUAL_MODELS.openai,
    system_fingerprint: `fp_${rng.alnum(6).toLowerCase()}`,
  };
  const chunk = (delta: object, finish: string | null): string =>
    JSON.stringify({ ...head, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  return {
    preamble: [chunk({ role: "assistant", content: "", refusal: null }, null)],
    content: tokens.map((t) => chunk({ content: t }, null)),
    end: [chunk({}, "stop"), "[DONE]"],
  };
}

function anthropicEvents(tokens: string[], rng: Rng, promptTokens: number): ProviderEvents {
  const message = {
    id: `msg_${rng.alnum(24)}`,
    type: "message",
    role: "assistant",
    model: ACTUAL_MODELS.anthropic,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: promptTokens, output_tokens: 1 },
  };
  return {
    preamble: [
      JSON.stringify({ type: "message_start", message }),
      JSON.stringify({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
      JSON.stringify({ type: "ping" }),
    ],
    content: tokens.map((text) => JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } })),
    end: [
      JSON.stringify({ type: "content_block_stop", index: 0 }),
      JSON.stringify({
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null },
        usage: { output_tokens: tokens.length },
      }),
      JSON.stringify({ type: "message_stop" }),
    ],
  };
}

function geminiEvents(tokens: string[], promptTokens: number): ProviderEvents {
  // Gemini has no closing event: the last content chunk carries `finishReason`.
  const content = tokens.map((text, i) => {
    const last = i === tokens.length - 1;
    return JSON.stringify({
      candidates: [{ content: { parts: [{ text }], role: "model" }, ...(last ? { finishReason: "STOP" } : {}), index: 0 }],
      usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount: i + 1, totalTokenCount: promptTokens + i + 1 },
      modelVersion: ACTUAL_MODELS.gemini,
    });
  });
  return { preamble: [], content, end: [] };
}

/** Finish reason E3/E5 report (provider-native; Gemini's is lower-cased). */
export const FINISH_REASON: Record<SimProvider, string> = { openai: "stop", anthropic: "end_turn", gemini: "stop" };
