/**
 * The simulated provider and the upstream server's handling of it: plain calls go through the SDK's retries
 * times the service's own attempts (9 provider requests and about 7.5 s for a lasting 429, upstream-behaviour §3);
 * streams make exactly one provider request.
 */
import { plainCallReason, streamReason, type ProviderFailure } from "./providerErrors";
import type { SimState } from "./state";
import type { ProviderControl, ProviderFault, SimProvider } from "./types";
import { wait } from "./wait";

/** The service's attempts and its sleeps between them. */
const SERVICE_SLEEPS_MS = [1000, 2000];
/** OpenAI and Anthropic SDKs try 3 times (max_retries=2); Gemini goes through bare httpx. */
const SDK_TRIES: Record<SimProvider, number> = { openai: 3, anthropic: 3, gemini: 1 };
/** The SDKs honour a provider Retry-After up to 60 s, else back off 0.5 s, 1 s … (jitter left out). */
const sdkDelayMs = (retry: number, failure: ProviderFailure): number => {
  const asked = "status" in failure ? failure.retryAfterSeconds : undefined;
  return asked !== undefined && asked <= 60 ? asked * 1000 : Math.min(500 * 2 ** retry, 8000);
};
const retryable = (failure: ProviderFailure): boolean => "cut" in failure || failure.status === 429 || failure.status >= 500;

/** One provider request: the answer's pacing, or how it failed. */
export type ProviderAnswer = { ok: true; tokenDelayMs: number } | { ok: false; failure: ProviderFailure; afterChunks: number; tokenDelayMs: number };

/** The test-facing control over `getState()`'s provider (follows `reset()`). */
export function createProviderControl(getState: () => SimState): ProviderControl {
  return {
    next(fault, { times = 1 } = {}) {
      if (times > 0) getState().providerFaults.push({ fault, remaining: times });
    },
    clear() {
      getState().providerFaults.splice(0);
    },
    requests: () => [...getState().providerRequests],
  };
}

/** Sends one request to the provider: consumes the next scripted fault and logs the request. */
export function providerRequest(state: SimState, provider: SimProvider, model: string): ProviderAnswer {
  const fault = takeFault(state);
  const tokenDelayMs = fault?.tokenDelayMs ?? state.options.tokenDelayMs ?? 0;
  const outcome = fault?.status ?? (fault?.cutAfterChunks !== undefined ? "cut" : 200);
  state.providerRequests.push({ provider, model, at: Date.now(), outcome });
  if (fault?.status !== undefined) return { ok: false, failure: { status: fault.status, retryAfterSeconds: fault.retryAfterSeconds }, afterChunks: 0, tokenDelayMs };
  if (fault?.cutAfterChunks !== undefined) return { ok: false, failure: { cut: true }, afterChunks: fault.cutAfterChunks, tokenDelayMs };
  return { ok: true, tokenDelayMs };
}

function takeFault(state: SimState): ProviderFault | undefined {
  const entry = state.providerFaults[0];
  if (!entry) return undefined;
  entry.remaining -= 1;
  if (entry.remaining <= 0) state.providerFaults.shift();
  return entry.fault;
}

/** A plain call (E3, E5) with the server's retries: resolves with the success pacing or the `{reason}` text. */
export async function callProviderPlain(state: SimState, provider: SimProvider, model: string, signal: AbortSignal): Promise<{ ok: true } | { ok: false; reason: string }> {
  let last: ProviderFailure = { cut: true };
  for (let service = 0; service <= SERVICE_SLEEPS_MS.length; service++) {
    if (service > 0) await wait(SERVICE_SLEEPS_MS[service - 1] ?? 0, signal);
    for (let retry = 0; retry < SDK_TRIES[provider]; retry++) {
      if (retry > 0) await wait(sdkDelayMs(retry - 1, last), signal);
      const answer = providerRequest(state, provider, model);
      if (answer.ok) return { ok: true };
      last = answer.failure;
      await wait(answer.afterChunks * answer.tokenDelayMs, signal);
      if (!retryable(last)) return { ok: false, reason: plainCallReason(provider, last) };
    }
  }
  return { ok: false, reason: plainCallReason(provider, last) };
}

/** A stream's single provider request (E4, E6: no retries); the failure text is the error event's. */
export function callProviderStream(state: SimState, provider: SimProvider, model: string): { tokenDelayMs: number; failure?: { message: string; afterChunks: number } } {
  const answer = providerRequest(state, provider, model);
  if (answer.ok) return { tokenDelayMs: answer.tokenDelayMs };
  return { tokenDelayMs: answer.tokenDelayMs, failure: { message: streamReason(provider, answer.failure), afterChunks: answer.afterChunks } };
}
