/** One request to the upstream and its answer turned into the browser's response. */
import type { ProxyCredentials, SaaSLLMProxyOptions } from "./proxyOptions";
import { boundedErrorBody } from "./errorBody";
import { passThrough } from "./passThrough";
import { FORWARDED_REQUEST_HEADERS, proxyError } from "./proxyResponses";
import { redactStream } from "./redactStream";
import { responseHeaders } from "./responseHeaders";

/** A request the proxy decided to forward. */
export interface Forward {
  request: Request;
  url: string;
  body: Uint8Array | undefined;
  credentials: ProxyCredentials;
  streams: boolean;
}

/** Statuses whose response has no body (a `Response` with one would throw). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * Sends the request with `Authorization: Bearer <key>` and `redirect: "manual"` (a redirect is a 502, never
 * a second request: the allowlist checked only this path). One controller aborts the upstream request when
 * the browser leaves, the headers take longer than `timeoutMs` or the body is silent for `streamIdleTimeoutMs`,
 * for success and error bodies alike. Every body is redacted as it passes; error bodies are also cut at 64 KiB.
 */
export async function forwardToUpstream({ request, url, body, credentials, streams }: Forward, options: SaaSLLMProxyOptions): Promise<Response> {
  const { timeoutMs = 120_000, streamIdleTimeoutMs = 120_000, fetch = globalThis.fetch } = options;
  const headers = new Headers({ authorization: `Bearer ${credentials.virtualKey}` });
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const upstreamAbort = new AbortController();
  const abort = (reason: unknown) => upstreamAbort.abort(reason);
  const onBrowserGone = () => abort(request.signal.reason);
  request.signal.addEventListener("abort", onBrowserGone, { once: true });
  // Gone already (while `getVirtualKey` or `beforeForward` ran): nothing goes out with the key.
  if (request.signal.aborted) onBrowserGone();
  const headerTimer = setTimeout(() => abort(new DOMException("Upstream timeout", "TimeoutError")), timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { method: request.method, headers, body: body as BodyInit | undefined, signal: upstreamAbort.signal, redirect: "manual" });
  } catch {
    request.signal.removeEventListener("abort", onBrowserGone);
    const timedOut = upstreamAbort.signal.reason instanceof DOMException && upstreamAbort.signal.reason.name === "TimeoutError";
    return timedOut ? proxyError(504, "Gateway Timeout") : proxyError(502, "Bad Gateway");
  } finally {
    clearTimeout(headerTimer);
  }
  // The upstream's reason phrase is never passed on: it is free text, and it could name the key.
  const { status } = response;
  if (response.type === "opaqueredirect" || (status >= 300 && status < 400 && status !== 304)) {
    abort(new DOMException("Upstream redirect", "AbortError"));
    return proxyError(502, `Bad Gateway: the API answered with a redirect (${status}), which the proxy never follows`);
  }
  const outHeaders = responseHeaders(response.headers, credentials.virtualKey, streams && response.ok);
  if (!response.body || NULL_BODY.has(status)) return new Response(null, { status, headers: outHeaders });
  const idle = passThrough(response.body, streamIdleTimeoutMs, () => abort(new DOMException("Stream idle", "TimeoutError")));
  const out = response.ok ? idle.pipeThrough(redactStream(credentials.virtualKey)) : boundedErrorBody(idle, credentials.virtualKey, abort);
  return new Response(out, { status, headers: outHeaders });
}
