/** Bytes of an error body we read at most: enough for any real detail, bounded for a multi-MB proxy page. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Reads at most `limit` bytes of a body as UTF-8 text, then cancels the rest. Never throws. */
export async function readBodyPrefix(response: Response, limit = MAX_ERROR_BODY_BYTES): Promise<string> {
  const body = response.body;
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let read = 0;
  try {
    while (read < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      const slice = value.byteLength > limit - read ? value.subarray(0, limit - read) : value;
      read += slice.byteLength;
      text += decoder.decode(slice, { stream: true });
    }
    text += decoder.decode();
  } catch {
    // A body cut mid-read still classifies on what arrived.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return text;
}
