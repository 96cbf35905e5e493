/** An upstream error body as the browser gets it: bounded, redacted, and never holding the status back. */
import { readBodyPrefix } from "../core/readBodyPrefix";
import { redactSecrets } from "../core/redact";
import { redactStream } from "./redactStream";

/**
 * The first 64 KiB of an error body (the client reads no more), with the key redacted before the cut and
 * key-like secrets after it; the rest of the upstream body is cancelled. It is a stream, so the status and
 * headers leave at once while the body is read with the caller's idle timer and abort still armed.
 */
export function boundedErrorBody(body: ReadableStream<Uint8Array>, virtualKey: string, onCancel: (reason: unknown) => void): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const text = await readBodyPrefix(new Response(body.pipeThrough(redactStream(virtualKey))));
      controller.enqueue(new TextEncoder().encode(redactSecrets(text, [virtualKey])));
      controller.close();
    },
    // The browser left while the body was read: abort the upstream request.
    cancel: onCancel,
  });
}
