import { describe, expect, it, vi } from "vitest";
import { SaaSLLMError, type SaaSLLMErrorKind } from "../SaaSLLMError";
import { reasonOfError, reasonOfFinish } from "./unfinishedReason";

vi.mock("react", () => ({}));

const err = (kind: SaaSLLMErrorKind, cause?: unknown) => new SaaSLLMError({ kind, message: kind, cause });

describe("unfinishedReason", () => {
  it.each([
    ["aborted", "stopped"],
    ["network", "network"],
    ["stream_interrupted", "network"],
    ["timeout", "unknown_outcome"],
    ["rate_limited", "rate_limited"],
    ["server", "server_error"],
    ["unavailable", "server_error"],
    ["stream_error", "server_error"],
    ["bad_response", "server_error"],
    ["circuit_open", "server_error"],
    ["unauthorized", "refused"],
    ["insufficient_credits", "refused"],
    ["model_access_denied", "refused"],
    ["validation", "refused"],
  ] as const)("error kind %s → %s", (kind, reason) => {
    expect(reasonOfError(err(kind))).toBe(reason);
  });

  it("an interruption caused by the idle timeout is stalled", () => {
    expect(reasonOfError(err("stream_interrupted", err("timeout")))).toBe("stalled");
  });

  it.each([
    ["length", "length"],
    ["max_tokens", "length"],
    ["content_filter", "content_filter"],
    ["stop", null],
    [null, null],
  ] as const)("finish_reason %s → %s", (finish, reason) => {
    expect(reasonOfFinish(finish)).toBe(reason);
  });
});
