import { describe, expect, it } from "vitest";
import { SaaSLLMError, type SaaSLLMErrorKind } from "../SaaSLLMError";
import { errorStateOf } from "./errorStateOf";
import type { ErrorAction, ErrorStateName } from "./errorStateTypes";
import { messageOf } from "./errorCopy";
import { toErrorState } from "./toErrorState";

const err = (kind: SaaSLLMErrorKind, extra: Partial<ConstructorParameters<typeof SaaSLLMError>[0]> = {}) =>
  new SaaSLLMError({ kind, message: `dev message for ${kind}`, ...extra });

// Every kind, with the state, action and account scope a user should see.
const TABLE: Array<[SaaSLLMErrorKind, ErrorStateName, ErrorAction, boolean]> = [
  ["unauthorized", "re-auth", "sign-in", true],
  ["insufficient_credits", "out-of-credits", "add-credits", true],
  ["team_suspended", "team-suspended", "contact-admin", true],
  ["team_paused", "team-paused", "contact-admin", true],
  ["model_access_denied", "no-model-access", "choose-model", false],
  ["rate_limited", "rate-limited", "retry", false],
  ["server", "service-unavailable", "retry", false],
  ["unavailable", "service-unavailable", "retry", false],
  ["circuit_open", "service-unavailable", "retry", false],
  ["network", "network", "retry", false],
  ["timeout", "network", "retry", false],
  ["stream_interrupted", "interrupted", "retry", false],
  ["stream_error", "interrupted", "retry", false],
  ["bad_request", "invalid-request", "none", false],
  ["validation", "invalid-request", "none", false],
  ["bad_response", "invalid-request", "none", false],
  ["not_found", "not-found", "none", false],
  ["forbidden", "forbidden", "contact-admin", false],
  ["aborted", "aborted", "none", false],
];

describe("toErrorState", () => {
  it("covers every kind exactly once", () => {
    expect(new Set(TABLE.map(([k]) => k)).size).toBe(19);
  });

  it.each(TABLE)("%s -> %s (%s)", (kind, state, action, accountWide) => {
    const e = err(kind);
    const view = toErrorState(e);
    expect(view).toMatchObject({ state, action, accountWide, retryable: e.retryable, error: e });
    expect(view.title.length).toBeGreaterThan(0);
    expect(view.message).not.toContain("dev message");
  });

  it("never shows a server detail or a key", () => {
    const detail = "LLM call failed: 500: Failed to call provider API: Gemini error for url 'https://x/?key=sk-secret'";
    const view = toErrorState(err("server", { status: 500, detail }));
    expect(`${view.title} ${view.message}`).not.toMatch(/sk-|key=|Gemini|provider API/);
  });

  it("counts down when the server asked for a wait", () => {
    const view = toErrorState(err("rate_limited", { status: 429, retryAfterMs: 5000 }));
    expect(view).toMatchObject({ action: "retry-after", retryAfterMs: 5000 });
    // The state keeps the generic wording; the banner's alert names the wait once with messageOf (the countdown
    // that ticks sits outside the alert).
    expect(view.message).toBe("Requests are being sent faster than allowed. Wait a moment, then try again.");
    expect(messageOf(view, 5000)).toBe("Requests are being sent faster than allowed. Wait 5 seconds, then try again.");
    const unavailable = toErrorState(err("unavailable", { retryAfterMs: 1000 }));
    expect([unavailable.action, messageOf(unavailable, 1000)]).toEqual(["retry-after", "The service is having trouble right now. Try again in 1 second."]);
    const circuit = toErrorState(err("circuit_open", { retryAfterMs: 30_000 }));
    expect([circuit.retryAfterMs, messageOf(circuit, 30_000)]).toEqual([30_000, "Requests are paused after repeated failures. Try again in 30 seconds."]);
    expect(messageOf(circuit, 0)).toBe(circuit.message);
  });

  it("sends configuration failures to an admin instead of offering a retry", () => {
    const view = toErrorState(err("server", { permanent: true, detail: "No provider credentials configured" }));
    expect(view).toMatchObject({ state: "service-unavailable", action: "contact-admin", retryable: false });
  });

  it("carries field errors the user can fix, and partial text", () => {
    const fieldErrors = [{ path: "body.messages.0.content", loc: ["body", "messages", 0, "content"], message: "Field required", type: "missing" }];
    expect(toErrorState(err("validation", { fieldErrors }))).toMatchObject({ title: "Check your input", fieldErrors });
    expect(toErrorState(err("stream_interrupted", { partialText: "Hel" })).partialText).toBe("Hel");
    expect(toErrorState(err("stream_error", { permanent: true })).action).toBe("none");
  });

  it("a 403 for a team id that is not the key's team says the app is set up wrong, not just 'Access denied'", () => {
    const view = toErrorState(err("forbidden", { status: 403, detail: "API key does not belong to team 'acme'" }));
    expect(view).toMatchObject({ state: "forbidden", title: "App not set up for this team", action: "contact-admin" });
    expect(toErrorState(err("forbidden", { status: 403, detail: "Cannot access jobs for a different team" })).title).toBe("Access denied");
  });

  it("a 422 about the app's own settings is not blamed on the user's input", () => {
    const fieldErrors = [{ path: "body.temperature", loc: ["body", "temperature"], message: "Input should be a valid number", type: "float_parsing" }];
    const view = toErrorState(err("validation", { fieldErrors }));
    expect(view.title).toBe("Request not accepted");
    expect(view.message).toMatch(/not caused by what you typed/);
    expect(view.message).not.toMatch(/check your input|temperature/i);
    expect(view.fieldErrors).toBeUndefined();
    expect(view.error.fieldErrors).toEqual(fieldErrors); // still there for logs
    expect(toErrorState(err("stream_interrupted", { partialText: "Hel" })).partialText).toBe("Hel");
    expect(toErrorState(err("stream_error", { permanent: true })).action).toBe("none");
  });
});

describe("errorStateOf", () => {
  it("is null for non-SaaSLLMErrors and aborted requests", () => {
    expect(errorStateOf(null)).toBeNull();
    expect(errorStateOf(new Error("x"))).toBeNull();
    expect(errorStateOf({ kind: "server" })).toBeNull();
    expect(errorStateOf(err("aborted"))).toBeNull();
    expect(errorStateOf(err("not_found"))?.state).toBe("not-found");
  });
});
