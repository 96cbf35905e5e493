/**
 * Python `json.dumps` with default settings: `", "` and `": "` separators and ASCII-only output.
 * The server writes its own stream error events this way, so `{"error": "…"}` has a space after the colon.
 */
export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return asciiString(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${asciiString(k)}: ${pyJsonDumps(v)}`).join(", ")}}`;
  }
  return "null";
}

function asciiString(text: string): string {
  // JSON.stringify escapes quotes and control characters; Python additionally escapes every non-ASCII UTF-16 unit.
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
