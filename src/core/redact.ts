// What may precede a key: start, a non-alphanumeric character, or a percent-encoded one (`%3D`, `%253D` of nested URLs).
const B = String.raw`(?<=^|[^A-Za-z0-9]|%(?:25)?[0-9A-Fa-f]{2})`;
// Parameter and field names that carry secrets.
const NAMES = String.raw`(?:(?:x-)?api[_-]?key|key|(?:access|refresh)[_-]?token|token|(?:client[_-]?)?secret|password|authorization)`;

const PATTERNS: Array<[RegExp, string]> = [
  [/\bBearer\s+[^\s"',;]+/gi, "Bearer [redacted]"],
  // `key=…` in a query, a nested URL (`=` percent-encoded once or twice) or plain text; the value ends at a
  // separator or a percent-encoded `&`.
  [new RegExp(String.raw`${B}(${NAMES}(?:=|%(?:25)?3D))(?:(?!%(?:25)?26)[^&\s"'#<>,;)\]}])+`, "gi"), "$1[redacted]"],
  // JSON and Python-repr fields (`"key": "…"`, `'api_key': '…'`) and header lines (`x-api-key: …`).
  [new RegExp(String.raw`(["']?${B}${NAMES}["']?\s*:\s*["']?)(?!Bearer\s)[^\s"',;}]+`, "gi"), "$1[redacted]"],
  [new RegExp(String.raw`${B}sk-[\w-]{3,}`, "g"), "sk-[redacted]"],
  // Other providers' key shapes: Fireworks, Groq, Hugging Face, Replicate, Perplexity, xAI, Stripe-like,
  // GitHub, GitLab, Slack, AWS access key ids, Google API keys and OAuth tokens.
  [
    new RegExp(String.raw`${B}(?:(?:fw|gsk|hf|r8|pplx|xai|[sr]k_(?:live|test)|gh[pos]|github_pat|glpat)[_-][\w-]{8,}|xox[abpr]-[\w-]{8,}|A[KS]IA[0-9A-Z]{16}|ya29\.[\w-]{10,})|AIza[\w-]{10,}`, "g"),
    "[redacted]",
  ],
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
    if (secret && secret.length >= 4) for (const form of [secret, encodeURIComponent(secret)]) out = out.split(form).join("[redacted]");
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
