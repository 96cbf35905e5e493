/** Removes a known secret from a byte stream as it passes, without buffering the stream. */

const REPLACEMENT = "[redacted]";

// Bytes as a string of one char per byte (and back): a key split across a multi-byte character or a chunk
// boundary is still found, and the bytes around it are passed on untouched.
const toBinary = (bytes: Uint8Array): string => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};
const fromBinary = (s: string): Uint8Array => {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
};

/** Length of the longest end of `text` that could begin one of `forms` (held back until the next chunk decides). */
function pendingTail(text: string, forms: readonly string[]): number {
  for (let n = Math.min(text.length, Math.max(...forms.map((f) => f.length)) - 1); n > 0; n--) {
    const end = text.slice(-n);
    if (forms.some((form) => form.startsWith(end))) return n;
  }
  return 0;
}

/**
 * A transform that replaces `secret` (as sent and percent-encoded; its `Bearer` form contains it) with
 * `[redacted]` in every chunk. A chunk ending in what could be the start of the secret keeps only that tail
 * (at most the secret's length − 1 bytes) until the next chunk, so SSE events, which end in a blank line,
 * leave at once.
 *
 * @example upstream.body.pipeThrough(redactStream(virtualKey))
 */
export function redactStream(secret: string): TransformStream<Uint8Array, Uint8Array> {
  const forms = [...new Set([secret, encodeURIComponent(secret)].filter((f) => f.length >= 4).map((f) => toBinary(new TextEncoder().encode(f))))];
  if (forms.length === 0) return new TransformStream();
  let tail = "";
  return new TransformStream({
    transform(chunk, controller) {
      const held = tail;
      const raw = held + toBinary(chunk);
      let text = raw;
      for (const form of forms) if (text.includes(form)) text = text.split(form).join(REPLACEMENT);
      const keep = pendingTail(text, forms);
      tail = text.slice(text.length - keep);
      if (text.length === keep) return;
      // The common case (nothing held, found or kept) passes the chunk itself on, without a copy.
      controller.enqueue(!held && !keep && text === raw ? chunk : fromBinary(text.slice(0, text.length - keep)));
    },
    flush(controller) {
      if (tail) controller.enqueue(fromBinary(tail));
    },
  });
}
