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
  useSaaSLLMClient,
  CreditsMeter,
  SaaSLLMProvider,
  type ChatStreamStatus,
  type MissingModule,
  type RequiresClient,
  type SaaSLLMClient,
  type JobState,
  type LLMCallData,
  type SaaSLLMError,
  type SaaSLLMErrorKind,
  type StreamCallResult,
} from "../src/index";
import { SaaSLLMDevtools } from "../src/devtools/index";
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

  it("the provider takes a full client, or a composed one only once registered (Register)", () => {
    const options = { baseUrl: "", teamId: "t" };
    void SaaSLLMProvider({ client: createSaaSLLMClient(options) });
    // @ts-expect-error unregistered, a client without streamMethods would reach useChatStream
    void SaaSLLMProvider({ client: composeSaaSLLMClient(options, streamMethods) });
    // @ts-expect-error the same for a client of no module
    void SaaSLLMProvider({ client: composeSaaSLLMClient(options) });
    expectTypeOf(useSaaSLLMClient).returns.toEqualTypeOf<SaaSLLMClient>();
  });

  it("a hook or component on a client without its module: a required property whose name says which module to add", () => {
    const options = { baseUrl: "", teamId: "t" };
    type Bare = ReturnType<typeof composeSaaSLLMClient<[]>>;
    type Streaming = ReturnType<typeof composeSaaSLLMClient<[typeof streamMethods]>>;
    expectTypeOf<MissingModule<"useChatStream">>().toEqualTypeOf<"useChatStream needs a client composed with streamMethods: composeSaaSLLMClient(options, streamMethods)">();
    expectTypeOf<RequiresClient<"useChatStream", Bare>>().toEqualTypeOf<{ "useChatStream needs a client composed with streamMethods: composeSaaSLLMClient(options, streamMethods)": never }>();
    expectTypeOf<RequiresClient<"useChatStream", Streaming>>().toEqualTypeOf<unknown>();
    expectTypeOf<RequiresClient<"CreditsMeter", Streaming>>().toEqualTypeOf<{ "CreditsMeter needs a client composed with accountMethods: composeSaaSLLMClient(options, accountMethods)": never }>();
    expectTypeOf<RequiresClient<"JobCost", ReturnType<typeof createSaaSLLMClient>>>().toEqualTypeOf<unknown>();
    // Unregistered, the provider holds a full client: every hook and component compiles.
    expectTypeOf(useChatStream).parameter(0).toExtend<{ model: string }>();
    void CreditsMeter({});
    void composeSaaSLLMClient(options);
  });

  it("the devtools take any client: they only subscribe to its events", () => {
    const options = { baseUrl: "", teamId: "t" };
    void SaaSLLMDevtools({ client: composeSaaSLLMClient(options) });
    void SaaSLLMDevtools({ client: createSaaSLLMClient(options) });
    // @ts-expect-error a client must have subscribe
    void SaaSLLMDevtools({ client: { teamId: "t" } });
  });
});
