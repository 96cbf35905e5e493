// Provider error texts can carry keys: OpenAI-style `sk-...`, Gemini's `?key=...`, Google `AIza...`, bearer tokens.
const PATTERNS: Array<[RegExp, string]> = [
  [/\bBearer\s+[^\s"',;]+/gi, "Bearer [redacted]"],
  [/([?&](?:key|api_key|apikey|api-key|access_token|token)=)[^&\s"'#]+/gi, "$1[redacted]"],
  [/\b(x-api-key|api[_-]?key|authorization)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi, "$1$2[redacted]"],
  [/\bsk-[A-Za-z0-9_-]{3,}/g, "sk-[redacted]"],
  [/\bAIza[0-9A-Za-z_-]{10,}/g, "[redacted]"],
];

/**
 * Removes key-like secrets from text that may come from a server or a provider.
 * `secrets` are exact strings (the virtual key in use) removed wherever they appear.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
