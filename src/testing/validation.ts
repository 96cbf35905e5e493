/** Request validation with pydantic v2 error items (§5.3), in the order FastAPI reports them. */

/** One item of a 422 `detail` list. */
export interface PydanticError {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** The request body as FastAPI sees it. */
export type ParsedBody =
  | { kind: "missing" }
  | { kind: "raw"; text: string }
  | { kind: "json"; value: unknown };

type FieldKind = "string" | "number" | "int" | "object" | "objectList" | "stringList" | "any";

/** One body field: its type, and whether it is required or may be null. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  nullable?: boolean;
  /** For literal fields: the allowed values. */
  literal?: string[];
}

const err = (type: string, loc: (string | number)[], msg: string, input: unknown, ctx?: Record<string, unknown>): PydanticError =>
  ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The `json_invalid` item for a body that does not parse (FastAPI checks this before auth). */
export function jsonInvalid(text: string, error: unknown): PydanticError {
  const message = error instanceof Error ? error.message : "";
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? Math.max(0, text.length - 1));
  const reason = /property name/i.test(message) ? "Expecting property name enclosed in double quotes" : "Expecting value";
  return err("json_invalid", ["body", position], "JSON decode error", {}, { error: reason });
}

/** Checks a JSON body against `fields`; returns every error, like pydantic. */
export function validateBody(body: ParsedBody, fields: FieldSpec[]): PydanticError[] {
  if (body.kind === "missing") return [err("missing", ["body"], "Field required", null)];
  const value = body.kind === "raw" ? body.text : body.value;
  if (!isObject(value)) {
    return [err("model_attributes_type", ["body"], "Input should be a valid dictionary or object to extract fields from", value)];
  }
  const errors: PydanticError[] = [];
  for (const field of fields) {
    const loc = ["body", field.name];
    if (!(field.name in value)) {
      if (field.required) errors.push(err("missing", loc, "Field required", value));
      continue;
    }
    const v = value[field.name];
    if (v === null && field.nullable) continue;
    if (field.literal) {
      if (typeof v !== "string" || !field.literal.includes(v)) {
        const expected = field.literal.map((l) => `'${l}'`).join(" or ");
        errors.push(err("literal_error", loc, `Input should be ${expected}`, v, { expected }));
      }
      continue;
    }
    errors.push(...checkKind(field.kind, v, loc));
  }
  return errors;
}

function checkKind(kind: FieldKind, v: unknown, loc: (string | number)[]): PydanticError[] {
  switch (kind) {
    case "any":
      return [];
    case "string":
      return typeof v === "string" ? [] : [err("string_type", loc, "Input should be a valid string", v)];
    case "number":
      return checkNumber(v, loc);
    case "int":
      return checkInt(v, loc);
    case "object":
      return isObject(v) ? [] : [err("dict_type", loc, "Input should be a valid dictionary", v)];
    case "objectList":
    case "stringList": {
      if (!Array.isArray(v)) return [err("list_type", loc, "Input should be a valid list", v)];
      const item = kind === "objectList" ? "object" : "string";
      return v.flatMap((entry, i) => checkKind(item, entry, [...loc, i]));
    }
  }
}

function checkNumber(v: unknown, loc: (string | number)[]): PydanticError[] {
  if (typeof v === "number") return [];
  // Lax mode: JSON strings that hold a number are accepted.
  if (typeof v === "string") {
    return v.trim() !== "" && Number.isFinite(Number(v))
      ? []
      : [err("float_parsing", loc, "Input should be a valid number, unable to parse string as a number", v)];
  }
  return [err("float_type", loc, "Input should be a valid number", v)];
}

function checkInt(v: unknown, loc: (string | number)[]): PydanticError[] {
  if (typeof v === "number") {
    return Number.isInteger(v) ? [] : [err("int_from_float", loc, "Input should be a valid integer, got a number with a fractional part", v)];
  }
  if (typeof v === "string") return parseQueryInt(v, loc).error;
  return [err("int_type", loc, "Input should be a valid integer", v)];
}

/** Parses an integer query parameter the way pydantic does (`int_parsing` on failure). */
export function parseQueryInt(raw: string, loc: (string | number)[]): { value: number; error: PydanticError[] } {
  const text = raw.trim();
  if (/^[+-]?\d+$/.test(text)) return { value: Number(text), error: [] };
  return { value: 0, error: [err("int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer", raw)] };
}

/** The item for a required query parameter that is absent. */
export const missingQuery = (name: string): PydanticError => err("missing", ["query", name], "Field required", null);
