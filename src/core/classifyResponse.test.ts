import { describe, expect, it } from "vitest";
import { classifyResponse } from "./classifyResponse";
import { isSaaSLLMError, type SaaSLLMErrorKind } from "./SaaSLLMError";

const json = (status: number, detail: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ detail }), { status, headers: { "content-type": "application/json", ...headers } });

// docs/wire-protocol.md ("Bodies, statuses and errors", "Authentication and teams"), plus the documented variants.
const rows: Array<[string, number, string, SaaSLLMErrorKind, boolean]> = [
  ["A1", 401, "Missing Authorization header. Expected: 'Authorization: Bearer sk-xxx...'", "unauthorized", false],
  ["A2", 401, "Invalid Authorization header format. Expected: 'Authorization: Bearer sk-xxx...'", "unauthorized", false],
  ["A3", 401, "Invalid API key", "unauthorized", false],
  ["A4", 403, "Team access is suspended. Please contact support.", "team_suspended", false],
  ["A5", 403, "Team access is paused. Please contact support.", "team_paused", false],
  ["A6", 403, "Team access is archived. Please contact support.", "forbidden", false],
  ["T1", 403, "API key does not belong to team 'acme'", "forbidden", false],
  ["T2", 403, "Job does not belong to your team", "forbidden", false],
  ["T3", 403, "Cannot access usage data for a different team", "forbidden", false],
  ["T4", 403, "Cannot access jobs for a different team", "forbidden", false],
  ["T5", 403, "Cannot access credit balance for a different team", "forbidden", false],
  ["T6", 403, "Cannot access credit transactions for a different team", "forbidden", false],
  ["T7", 403, "Cannot check credits for a different team", "forbidden", false],
  ["T8", 403, "Cannot resolve model group for a different team", "forbidden", false],
  ["M1", 403, "Team 'acme' does not have access to model alias 'chat-fast'", "model_access_denied", false],
  ["M2", 403, "Team 'acme' does not have access to model group 'gpt-5'", "model_access_denied", false],
  ["M3", 403, "Model group 'legacy' not found or inactive", "model_access_denied", false],
  ["M4", 403, "No active models configured for group 'legacy'", "model_access_denied", false],
  ["N1", 404, "Job not found", "not_found", false],
  ["N2", 404, "Team 'acme' not found", "not_found", false],
  ["N3", 404, "No credit account found for team 'acme'", "not_found", false],
  ["N4", 404, "Model group 'chat-fast' not found", "not_found", false],
  ["N5", 404, "Not Found", "not_found", false],
  ["N6", 405, "Method Not Allowed", "bad_request", false],
  ["P1 credentials", 500, "LLM call failed: 500: No provider credentials configured for openai. Please add credentials in the admin dashboard.", "server", false],
  ["P1 org", 500, "LLM call failed: 500: Provider routing requires organization context. This is likely a configuration error.", "server", false],
  ["P1 429", 500, "LLM call failed: 500: Failed to call provider API: OpenAI rate limit: Error code: 429 - {'error': {}}", "rate_limited", true],
  ["P1 auth", 500, "LLM call failed: 500: Failed to call provider API: OpenAI authentication failed: bad key", "server", false],
  ["P1 4xx", 500, "LLM call failed: 500: Failed to call provider API: Gemini error: Client error '400 Bad Request' for url 'https://x'", "server", false],
  ["P1 other", 500, "LLM call failed: 'choices'", "server", true],
  ["docs 400", 400, "Bad request", "bad_request", false],
  ["docs 403 credits", 403, "Insufficient credits", "insufficient_credits", false],
  ["docs 403 either", 403, "Team suspended or insufficient credits", "insufficient_credits", false],
  ["docs 403 budget", 403, "Monthly budget exceeded", "insufficient_credits", false],
  ["docs 403 suspended", 403, "Team access suspended - contact support", "team_suspended", false],
  ["docs 429", 429, "Rate limit exceeded", "rate_limited", true],
  ["docs 429 paused", 429, "Team paused", "team_paused", false],
  ["docs 500", 500, "Internal server error", "server", true],
  ["proxy 502", 502, "Bad Gateway", "server", true],
  ["proxy 504", 504, "Gateway Timeout", "server", true],
  ["408", 408, "Request Timeout", "server", true],
  ["docs 503", 503, "Service Unavailable", "unavailable", true],
];

describe("classifyResponse: contract §5.1 / §5.4", () => {
  it.each(rows)("%s: %i %s -> %s", async (_id, status, detail, kind, retryable) => {
    const error = await classifyResponse(json(status, detail), { endpoint: "llmCall" });
    expect(isSaaSLLMError(error)).toBe(true);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(error.endpoint).toBe("llmCall");
  });

  it("never puts a 5xx detail in the message, keeps it (redacted) on detail", async () => {
    const raw = "LLM call failed: 500: Failed to call provider API: Gemini error: Server error '503' for url 'https://generativelanguage.googleapis.com/v1/models?key=AIzaSyDsecret123456789'";
    const error = await classifyResponse(json(500, raw));
    expect(error.message).not.toContain("googleapis");
    expect(error.detail).toContain("key=[redacted]");
    expect(error.detail).not.toContain("AIzaSyDsecret");
  });

  it("redacts sk- keys, bearer tokens and the known virtual key in 4xx messages", async () => {
    const error = await classifyResponse(json(403, "API key does not belong to team 'x' (key sk-live-abcdef123456, Bearer tok.en)"), {
      secrets: ["tok.en"],
    });
    for (const text of [error.message, error.detail, JSON.stringify(error), String(error)]) {
      expect(text).not.toContain("sk-live-abcdef123456");
      expect(text).not.toContain("tok.en");
    }
  });
});

describe("classifyResponse: 422 field errors", () => {
  it("parses pydantic v2 detail lists", async () => {
    const error = await classifyResponse(
      json(422, [
        { type: "missing", loc: ["body", "model"], msg: "Field required", input: { messages: [] } },
        { type: "list_type", loc: ["body", "stop"], msg: "Input should be a valid list", input: "END" },
        { type: "json_invalid", loc: ["body", 1], msg: "JSON decode error", input: {}, ctx: { error: "Expecting" } },
      ]),
    );
    expect(error.kind).toBe("validation");
    expect(error.retryable).toBe(false);
    expect(error.fieldErrors).toEqual([
      { path: "body.model", loc: ["body", "model"], message: "Field required", type: "missing" },
      { path: "body.stop", loc: ["body", "stop"], message: "Input should be a valid list", type: "list_type" },
      { path: "body.1", loc: ["body", 1], message: "JSON decode error", type: "json_invalid" },
    ]);
    expect(error.message).toContain("body.model: Field required");
  });

  it("parses pydantic v1 detail lists", async () => {
    const error = await classifyResponse(json(422, [{ loc: ["body", "messages"], msg: "field required", type: "value_error.missing" }]));
    expect(error.fieldErrors).toEqual([{ path: "body.messages", loc: ["body", "messages"], message: "field required", type: "value_error.missing" }]);
  });
});

describe("classifyResponse: bodies that are not JSON", () => {
  it("plain-text 500", async () => {
    const error = await classifyResponse(new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } }));
    expect(error).toMatchObject({ kind: "server", status: 500, detail: "Internal Server Error", retryable: true });
  });
  it("HTML 502 page from a proxy", async () => {
    const html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
    const error = await classifyResponse(new Response(html, { status: 502, headers: { "content-type": "text/html" } }));
    expect(error).toMatchObject({ kind: "server", detail: "HTML error page: 502 Bad Gateway" });
  });
  it("empty body", async () => {
    const error = await classifyResponse(new Response(null, { status: 503 }));
    expect(error).toMatchObject({ kind: "unavailable", detail: "", retryable: true });
  });
  it("truncated JSON", async () => {
    const error = await classifyResponse(new Response('{"detail": "Job not fo', { status: 404, headers: { "content-type": "application/json" } }));
    expect(error).toMatchObject({ kind: "not_found", detail: '{"detail": "Job not fo' });
  });
  it("a body of several MB is read only up to a bounded prefix", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
        if (pulled >= 8 * 1024 * 1024) controller.close();
      },
    });
    const error = await classifyResponse(new Response(body, { status: 500 }));
    expect(error.kind).toBe("server");
    expect(pulled).toBeLessThan(512 * 1024);
    expect(error.detail.length).toBeLessThanOrEqual(2001);
  });
  it("429 and 503 carry Retry-After", async () => {
    expect((await classifyResponse(json(429, "Rate limit exceeded", { "retry-after": "7" }))).retryAfterMs).toBe(7000);
    expect((await classifyResponse(json(503, "down", { "retry-after-ms": "1500" }))).retryAfterMs).toBe(1500);
    expect((await classifyResponse(json(403, "Insufficient credits", { "retry-after": "7" }))).retryAfterMs).toBeUndefined();
  });
});
