import { llmBody } from "./buildBody";
import type { ClientCore } from "./clientCore";
import { STREAM_ROUTES } from "./endpoints";
import { routeOf } from "./jobId";
import { streamSingleShot } from "./jobs/streamSingleShot";
import { streamChat, type StreamCallOptions, type StreamCallResult } from "./streamChat";
import type { CreateAndCallInput, LLMCallInput } from "./types";

/** The streamed endpoints E4 and E6 (what `useChatStream` calls), as a method module for `composeSaaSLLMClient`. */
export function streamMethods(core: ClientCore) {
  const { config, idleTimeoutMs } = core;
  return {
    /** E4: a streamed call inside a job. (The upstream's E4 is broken and always ends in an error event.) */
    async streamLLMCall(jobId: string, input: LLMCallInput, opts: StreamCallOptions = {}): Promise<StreamCallResult> {
      const body = llmBody(input, "streamLLMCall");
      return streamChat(config, { endpoint: "streamLLMCall", path: routeOf(STREAM_ROUTES, "streamLLMCall", jobId)[1], body, idleTimeoutMs, jobId }, opts);
    },
    /**
     * E6: create a job, stream one call; the server completes and charges it once it wrote the end marker.
     * The upstream sends no job id: a `client_request_id` in the job metadata finds it. A clean answer read
     * to EOF costs this one request; a cut, stop or retry leaves jobs the client then closes as failed, after
     * one narrow lookup of open jobs (never a complete for a job the server closed).
     */
    streamCreateAndCall(input: CreateAndCallInput, opts: StreamCallOptions = {}): Promise<StreamCallResult> {
      return streamSingleShot(core, input, opts);
    },
  };
}
