import { describe, expect, it } from "vitest";
import { isSaaSLLMError, type SaaSLLMError } from "../../src/index";
import { redactSecrets } from "../../src/core/redact";
import { DEMO_VIRTUAL_KEY } from "../../src/testing/index";
import { direct, MESSAGES, onFakeClock } from "./fidelity/kit";

const GOOGLE = "AIzaSyNESTEDproxyKEY0123456789abcdefghi";
const SHAPES: Array<[string, string, string]> = [
  ["a Google key URL-encoded inside a proxied URL", `url 'https://proxy.example/fetch?u=https%3A%2F%2Fgenerativelanguage.googleapis.com%2Fv1%2Fmodels%3Fkey%3D${GOOGLE}%26alt%3Dsse'`, GOOGLE],
  ["a key double-encoded in a nested URL", "next=https%253A%252F%252Fx.example%252Fv1%253Fkey%253DDOUBLEsecret123%2526a%253Db", "DOUBLEsecret123"],
  ["key= without ? or & before it", "config: key=BAREsecretValue42 failed", "BAREsecretValue42"],
  ["a JSON key field", '{"error": {"key": "JSONsecretValue42", "name": "x"}}', "JSONsecretValue42"],
  ["a JSON api_key field", '{"api_key":"APIKEYsecret42"}', "APIKEYsecret42"],
  ["an Anthropic key", "invalid x-api-key sk-ant-api03-ANTHROPICsecret-42_abc", "ANTHROPICsecret"],
  ["a Fireworks key", "Fireworks error: bad key fw_FIREWORKSsecret4242abcd", "FIREWORKSsecret"],
  ["a Groq key", "key gsk_GROQsecret4242abcdefgh rejected", "GROQsecret"],
  ["a Hugging Face token", "token hf_HUGGINGsecret4242abcdef", "HUGGINGsecret"],
  ["an AWS access key id", "AKIAIOSFODNN7EXAMPLE was refused", "AKIAIOSFODNN7EXAMPLE"],
  ["the virtual key, URL-encoded", `proxied ${encodeURIComponent(`?auth=${DEMO_VIRTUAL_KEY}`)}`, DEMO_VIRTUAL_KEY],
];

/** Every surface an error reaches: message, detail, String(), JSON.stringify() and the client's events. */
const surfaces = (e: SaaSLLMError, events: unknown[]) => [e.message, e.detail, String(e), JSON.stringify(e), JSON.stringify(events)].join("\n");

describe("redaction: every key shape, in every surface", () => {
  it.each(SHAPES)("%s", async (_name, text, secret) => {
    expect(redactSecrets(text, [DEMO_VIRTUAL_KEY])).not.toContain(secret);
    const { sim, client, events } = direct();
    sim.script.next("createAndCall", { status: 500, detail: `LLM call failed: ${text}` }, { times: 5 });
    sim.script.next("streamCreateAndCall", { stream: { errorEvent: `500: Failed to call provider API: ${text}` } });
    const plain = (await onFakeClock(() => client.createAndCall({ model: "chat-fast", messages: MESSAGES }))).error;
    const stream = (await onFakeClock(() => client.streamCreateAndCall({ model: "chat-fast", messages: MESSAGES }, { retry: false }))).error;
    for (const e of [plain, stream]) {
      if (!isSaaSLLMError(e)) throw new Error("expected a SaaSLLMError");
      expect(surfaces(e, events)).not.toContain(secret);
      expect(e.detail).toContain("[redacted]");
    }
  });

  it("the simulated provider's own keys never reach an error: Gemini's URL key, OpenAI's key in a 401 text", async () => {
    const { sim, client, events } = direct();
    const { job_id } = await client.createJob({ job_type: "chat" });
    sim.provider.next({ status: 401 }, { times: 2 });
    const errors = [
      (await onFakeClock(() => client.llmCall(job_id, { model: "chat-gemini", messages: MESSAGES }))).error,
      (await onFakeClock(() => client.llmCall(job_id, { model: "chat-fast", messages: MESSAGES }))).error,
    ];
    const leaked = /AIza[0-9A-Za-z_-]{10}|sk-proj-[A-Za-z]/;
    for (const e of errors) {
      if (!isSaaSLLMError(e)) throw new Error("expected a SaaSLLMError");
      expect(e).toMatchObject({ kind: "server", retryable: false });
      expect(surfaces(e, events)).not.toMatch(leaked);
    }
    // …while the server really sent them (the costs breakdown has no text, the recorded failed calls do).
    expect(sim.ledger.job(job_id)?.calls.map((c) => leaked.test(c.error ?? ""))).toEqual([true, true]);
  });
});
