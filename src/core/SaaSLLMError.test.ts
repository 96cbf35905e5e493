import { describe, expect, it, vi } from "vitest";
import { SaaSLLMError, isSaaSLLMError } from "./SaaSLLMError";
import { abortError, networkError, timeoutError } from "./errorFactories";

// The core must not need React: if any core module imported it, this empty mock would break it.
vi.mock("react", () => ({}));

describe("SaaSLLMError", () => {
  it("is recognised across copies by its Symbol.for marker, not instanceof", () => {
    const foreign = { [Symbol.for("@saas-litellm/react.SaaSLLMError")]: true, kind: "server" };
    expect(isSaaSLLMError(foreign)).toBe(true);
    expect(isSaaSLLMError(new Error("x"))).toBe(false);
    expect(isSaaSLLMError(null)).toBe(false);
    expect(isSaaSLLMError(new SaaSLLMError({ kind: "network", message: "m" }))).toBe(true);
  });
  it("keeps cause and serialises without it", () => {
    const cause = new TypeError("fetch failed");
    const e = networkError(cause, { endpoint: "getJob", requestId: "r1" });
    expect(e.cause).toBe(cause);
    expect(e.retryable).toBe(true);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ name: "SaaSLLMError", kind: "network", endpoint: "getJob", retryable: true });
  });
  it("timeout and abort helpers", () => {
    expect(timeoutError(10_000, { endpoint: "createJob" })).toMatchObject({ kind: "timeout", retryable: true });
    expect(timeoutError(5, { phase: "idle" }).message).toContain("no data for 5 ms");
    expect(abortError()).toMatchObject({ kind: "aborted", retryable: false });
  });
  it("with() copies and patches", () => {
    const e = new SaaSLLMError({ kind: "stream_interrupted", message: "m", endpoint: "x" });
    const p = e.with({ partialText: "abc" });
    expect(p).not.toBe(e);
    expect(p).toMatchObject({ kind: "stream_interrupted", partialText: "abc", endpoint: "x" });
  });
});
