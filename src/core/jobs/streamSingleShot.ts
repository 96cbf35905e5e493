import { randomId } from "../abortable";
import { llmBody } from "../buildBody";
import { STREAM_ROUTES } from "../endpoints";
import { routeOf } from "../jobId";
import { streamChat, type StreamCallOptions, type StreamCallResult } from "../streamChat";
import type { TransportConfig } from "../transport";
import type { CreateAndCallInput } from "../types";
import type { JobCloser } from "./createJobCloser";
import { cleanUpSingleShot, type SingleShotTrace } from "./singleShotCleanup";


interface SingleShotDeps {
  config: TransportConfig;
  closer: JobCloser;
  teamId: string;
  idleTimeoutMs: number;
}

/**
 * E6: create a job, stream one call, complete it (the server does, once it wrote the end marker). The
 * upstream sends no job id: a `client_request_id` (and `client_attempt` per retry) in the job metadata lets
 * the client find, and close through its one closer, any job the call leaves open.
 */
export async function streamSingleShot({ config, closer, teamId, idleTimeoutMs }: SingleShotDeps, input: CreateAndCallInput, opts: StreamCallOptions): Promise<StreamCallResult> {
  const { team_id = teamId, job_type = "chat", job_metadata, ...rest } = input;
  const given = job_metadata?.client_request_id;
  const clientRequestId = typeof given === "string" && given !== "" ? given : randomId();
  const body = { ...llmBody(rest, "streamCreateAndCall"), team_id, job_type };
  const trace: SingleShotTrace = { clientRequestId, startedAt: Date.now(), attempts: 1, opened: false, reachedEof: false };
  // Each attempt creates a job on the server: tag it, so a retry's leftover job can be told from the answer's.
  const bodyFor = (attempt: number) => {
    trace.attempts = attempt;
    trace.opened = false;
    return { ...body, job_metadata: { ...job_metadata, client_request_id: clientRequestId, client_attempt: attempt } };
  };
  const onOpen: StreamCallOptions["onOpen"] = (info) => {
    trace.opened = true;
    opts.onOpen?.(info);
  };
  try {
    const result = await streamChat(config, { endpoint: "streamCreateAndCall", path: routeOf(STREAM_ROUTES, "streamCreateAndCall")[1], body, bodyFor, idleTimeoutMs, clientRequestId }, { ...opts, onOpen });
    trace.reachedEof = result.reachedEof;
    cleanUpSingleShot(closer, trace, undefined);
    return result;
  } catch (error) {
    // The upstream keeps a job whose stream it could not finish IN_PROGRESS forever: the client closes it.
    cleanUpSingleShot(closer, trace, error);
    throw error;
  }
}
