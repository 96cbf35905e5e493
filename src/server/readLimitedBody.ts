/** Reads a request body up to a size cap, without trusting `Content-Length`. */

/** The body as bytes, or `"too-large"` once more than `maxBytes` arrived (the rest is not read). */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array | "too-large"> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) return "too-large";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The `team_id` of a JSON body, `undefined` when absent, `null` when the body is not a JSON object. */
export function bodyTeamId(body: Uint8Array): string | undefined | null {
  if (body.byteLength === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const team = (parsed as { team_id?: unknown }).team_id;
    return team === undefined ? undefined : typeof team === "string" ? team : null;
  } catch {
    return null;
  }
}
