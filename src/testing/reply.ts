/** The simulated model's answer: its text, its tokens (one per stream event) and token counts. */
import type { SimulatorOptions } from "./types";

/** Text of the last `user` message, or "" when there is none. */
export function lastUserText(messages: unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: unknown; content?: unknown } | null;
    if (m && m.role === "user") return typeof m.content === "string" ? m.content : JSON.stringify(m.content ?? "");
  }
  return "";
}

/** Default reply: accents, CJK and emoji (multi-byte and astral characters) so UTF-8 handling is exercised. */
export function defaultReply(messages: unknown[]): string {
  const asked = lastUserText(messages).slice(0, 80) || "…";
  return `Voilà ! You asked: «${asked}». Café crème, naïve façade — 日本語のテキスト 你好世界 한국어 🚀✨👩‍💻 done.`;
}

/** The reply for one call, from `replyText` or the default. */
export function replyFor(options: SimulatorOptions, messages: unknown[]): string {
  const { replyText } = options;
  if (typeof replyText === "function") return replyText(messages);
  return replyText ?? defaultReply(messages);
}

/** Word-ish tokens that concatenate back to `text` (each keeps its leading whitespace). */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? (text ? [text] : []);
}

/** A rough prompt token count: words across every message's content. */
export function countPromptTokens(messages: unknown[]): number {
  return messages.reduce<number>((sum, m) => {
    const content = (m as { content?: unknown } | null)?.content;
    const text = typeof content === "string" ? content : JSON.stringify(content ?? "");
    return sum + tokenize(text).length + 3;
  }, 0);
}
