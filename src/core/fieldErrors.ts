import type { FieldError } from "./SaaSLLMError";

/** Turns a 422 `detail` list (pydantic v1 or v2) into field errors; anything else gives an empty list. */
export function parseFieldErrors(detail: unknown): FieldError[] {
  if (!Array.isArray(detail)) return [];
  const out: FieldError[] = [];
  for (const item of detail) {
    if (typeof item !== "object" || item === null) continue;
    const record = item as Record<string, unknown>;
    const loc = Array.isArray(record.loc)
      ? record.loc.filter((p): p is string | number => typeof p === "string" || typeof p === "number")
      : [];
    out.push({
      loc,
      path: loc.join("."),
      message: typeof record.msg === "string" ? record.msg : "Invalid value",
      type: typeof record.type === "string" ? record.type : "unknown",
    });
  }
  return out;
}
