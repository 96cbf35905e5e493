import { redactSecrets } from "../core/redact";

const SECRET_KEYS = /^(authorization|virtual_?key|api_?key|x-api-key|secret)$/i;

/**
 * An entry as pretty JSON for a bug report. Events never carry the key; this is the second lock: any
 * key-like field is dropped and key-like text (`sk-…`, `Bearer …`) in any string is redacted.
 */
export function toRedactedJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (SECRET_KEYS.test(key) ? undefined : typeof v === "string" ? redactSecrets(v) : v), 2);
}
