// What may precede a key: start, a non-alphanumeric character, or a percent-encoded one (`%3D`, `%253D` of nested URLs).
const B = String.raw`(?<=^|[^A-Za-z0-9]|%(?:25)?[0-9A-Fa-f]{2})`;
// Parameter and field names that carry secrets.
const NAMES = String.raw`(?:key|api[_-]?key|apikey|x-api-key|access[_-]?token|refresh[_-]?token|token|secret|client[_-]?secret|password|authorization)`;
// `=` and `?`/`&`, plain or percent-encoded once or twice (`%3D`, `%253D`): keys survive nested URLs otherwise.
const EQ = String.raw`(?:=|%(?:25)?3[Dd])`;

const PATTERNS: Array<[RegExp, string]> = [
  [/\bBearer\s+[^\s"',;]+/gi, "Bearer [redacted]"],
  // `key=…` in a query, a nested URL or plain text; the value ends at a separator or a percent-encoded `&`.
  [new RegExp(`${B}(${NAMES}${EQ})(?:(?!%(?:25)?26)[^&\\s"'#<>,;)\\]}])+`, "gi"), "$1[redacted]"],
  // JSON and Python-repr fields: `"key": "…"`, `'api_key': '…'`, and header lines `x-api-key: …`.
  [new RegExp(`(["']?${B}${NAMES}["']?\\s*:\\s*["']?)(?!Bearer\\s)[^\\s"',;}]+`, "gi"), "$1[redacted]"],
  // Providers' key shapes: OpenAI/Anthropic/DeepSeek `sk-…`, Fireworks `fw_…`, Groq `gsk_…`, xAI, Hugging Face,
  // Replicate, Perplexity, Stripe-like `sk_live_…`, GitHub tokens, Slack tokens, AWS access key ids, Google keys.
  [new RegExp(`${B}sk-[A-Za-z0-9_-]{3,}`, "g"), "sk-[redacted]"],
  [new RegExp(`${B}(?:fw|gsk|hf|r8|pplx|xai|sk_live|sk_test|rk_live|ghp|gho|ghs|github_pat|glpat)[_-][A-Za-z0-9_-]{8,}`, "g"), "[redacted]"],
  [new RegExp(`${B}xox[abpr]-[A-Za-z0-9-]{8,}`, "g"), "[redacted]"],
  [new RegExp(`${B}(?:AKIA|ASIA)[0-9A-Z]{16}`, "g"), "[redacted]"],
  [/AIza[0-9A-Za-z_-]{10,}/g, "[redacted]"],
  [new RegExp(`${B}ya29\\.[0-9A-Za-z_-]{10,}`, "g"), "[redacted]"],
];

/**
 * Removes key-like secrets from text that may come from a server or a provider: bearer tokens, `key=` values
 * (also URL-encoded inside a nested URL), JSON and Python-repr key fields, and providers' key shapes.
 * `secrets` are exact strings (the virtual key in use) removed wherever they appear, also percent-encoded.
 *
 * @example redactSecrets("…?key=AIzaSy…") // "…?key=[redacted]"
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("[redacted]");
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
