import { describe, expectTypeOf, it } from "vitest";
import {
  accountMethods,
  composeSaaSLLMClient,
  createSaaSLLMClient,
  lookupMethods,
  requestMethods,
  streamMethods,
  isSaaSLLMError,
  retryDelay,
  shouldRetry,
  toErrorState,
  useChatStream,
  useJob,
  useLLMCall,
  type ChatStreamStatus,
  type JobState,
  type LLMCallData,
  type SaaSLLMError,
  type SaaSLLMErrorKind,
  type StreamCallResult,
} from "../src/index";
import type { UseMutationOptions, UseQueryOptions } from "@tanstack/react-query";

describe("public types", () => {
  it("the retry policy fits react-query's retry and retryDelay", () => {
    expectTypeOf(shouldRetry).toExtend<Exclude<UseQueryOptions["retry"], boolean | number | undefined>>();
    expectTypeOf(retryDelay).toExtend<Exclude<UseMutationOptions["retryDelay"], number | undefined>>();
  });

  it("errors narrow by guard and kind", () => {
    const e: unknown = null;
    if (isSaaSLLMError(e)) {
      expectTypeOf(e).toEqualTypeOf<SaaSLLMError>();
      expectTypeOf(e.kind).toEqualTypeOf<SaaSLLMErrorKind>();
      expectTypeOf(e.retryable).toEqualTypeOf<boolean>();
      expectTypeOf(toErrorState(e).state).toBeString();
    }
  });

  it("client methods are typed end to end", () => {
    const client = createSaaSLLMClient({ baseUrl: "", teamId: "t" });
    expectTypeOf(client.streamCreateAndCall).returns.resolves.toEqualTypeOf<StreamCallResult>();
    expectTypeOf(client.getJob).returns.resolves.toHaveProperty("status").toEqualTypeOf<"pending" | "in_progress" | "completed" | "failed" | "cancelled">();
    // @ts-expect-error model is required
    void client.llmCall("j", { messages: [] });
  });

  it("a composed client has the methods of its modules and no others", () => {
    const options = { baseUrl: "", teamId: "t" };
    expectTypeOf(composeSaaSLLMClient(options)).toHaveProperty("llmCall");
    expectTypeOf(composeSaaSLLMClient(options)).not.toHaveProperty("streamLLMCall");
    expectTypeOf(composeSaaSLLMClient(options)).not.toHaveProperty("request");
    expectTypeOf(composeSaaSLLMClient(options, lookupMethods)).toHaveProperty("findJobByClientRequestId");
    expectTypeOf(composeSaaSLLMClient(options, streamMethods)).toHaveProperty("streamCreateAndCall");
    expectTypeOf(composeSaaSLLMClient(options, streamMethods)).not.toHaveProperty("getCreditBalance");
    expectTypeOf(composeSaaSLLMClient(options, streamMethods, accountMethods, lookupMethods, requestMethods)).toEqualTypeOf<ReturnType<typeof createSaaSLLMClient>>();
  });

  it("hooks return typed state and stable actions", () => {
    expectTypeOf(useChatStream).returns.toHaveProperty("status").toEqualTypeOf<ChatStreamStatus>();
    expectTypeOf(useChatStream).returns.toHaveProperty("send").parameters.toEqualTypeOf<[string | import("../src/index").ChatMessage[]]>();
    expectTypeOf(useJob).returns.toHaveProperty("state").toEqualTypeOf<JobState>();
    expectTypeOf(useLLMCall).returns.toHaveProperty("call").returns.resolves.toEqualTypeOf<LLMCallData>();
    expectTypeOf(useLLMCall).returns.toHaveProperty("error").toEqualTypeOf<SaaSLLMError | null>();
  });
});
