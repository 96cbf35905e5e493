/** Reads a request body the way FastAPI does before it runs any dependency (§2 step 0). */
import type { ParsedBody } from "./validation";

/** `invalid` carries the error for the json_invalid 422 that precedes auth. */
export type BodyRead = ParsedBody | { kind: "invalid"; text: string; error: unknown };

/** FastAPI parses JSON when the content type is absent or JSON; anything else stays raw bytes. */
export function parseBody(text: string, contentType: string | null): BodyRead {
  if (text === "") return { kind: "missing" };
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const isJson = type === "" || type === "application/json" || type.endsWith("+json");
  if (!isJson) return { kind: "raw", text };
  try {
    return { kind: "json", value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: "invalid", text, error };
  }
}
