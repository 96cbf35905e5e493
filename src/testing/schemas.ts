/** Body schemas of the endpoints, field by field, in the order upstream's pydantic models declare them. */
import type { FieldSpec } from "./validation";

/** LLM parameters shared by E3–E6 (§3.1). */
export const LLM_FIELDS: FieldSpec[] = [
  { name: "model", kind: "string", required: true },
  { name: "messages", kind: "objectList", required: true },
  { name: "purpose", kind: "string", nullable: true },
  { name: "temperature", kind: "number", nullable: true },
  { name: "max_tokens", kind: "int", nullable: true },
  { name: "response_format", kind: "object", nullable: true },
  { name: "tools", kind: "objectList", nullable: true },
  { name: "tool_choice", kind: "any" },
  { name: "top_p", kind: "number", nullable: true },
  { name: "frequency_penalty", kind: "number", nullable: true },
  { name: "presence_penalty", kind: "number", nullable: true },
  { name: "stop", kind: "stringList", nullable: true },
];

/** E3/E4 body. */
export const LLM_CALL_FIELDS: FieldSpec[] = [...LLM_FIELDS, { name: "call_metadata", kind: "object", nullable: true }];

/** E2 body. */
export const CREATE_JOB_FIELDS: FieldSpec[] = [
  { name: "team_id", kind: "string", required: true },
  { name: "job_type", kind: "string", required: true },
  { name: "user_id", kind: "string", nullable: true },
  { name: "metadata", kind: "object", nullable: true },
];

/** E5/E6 body (§3.2): the job fields come first in the model. */
export const SINGLE_CALL_FIELDS: FieldSpec[] = [
  { name: "team_id", kind: "string", required: true },
  { name: "job_type", kind: "string", required: true },
  { name: "user_id", kind: "string", nullable: true },
  { name: "job_metadata", kind: "object" },
  ...LLM_FIELDS,
];

/** E7 body. */
export const COMPLETE_FIELDS: FieldSpec[] = [
  { name: "status", kind: "string", required: true, literal: ["completed", "failed"] },
  { name: "metadata", kind: "object", nullable: true },
  { name: "error_message", kind: "string", nullable: true },
];

/** E9 body. */
export const METADATA_FIELDS: FieldSpec[] = [{ name: "metadata", kind: "object", required: true }];
