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

/**
 * Default reply: accented Latin and typographic punctuation, still multi-byte in UTF-8 (2 and 3 bytes), but
 * only characters every system font has, so a demo on a bare Linux machine shows no empty boxes.
 */
export function defaultReply(messages: unknown[]): string {
  const asked = lastUserText(messages).slice(0, 80) || "…";
  return `Voilà! You asked: «${asked}». Here is a short answer from the simulator — café, naïve, façade, déjà vu. Done.`;
}

/**
 * A UTF-8-heavy reply for tests of byte handling: CJK, Hangul, emoji with ZWJ sequences (4-byte, astral
 * characters). Pass it as `createSimulator({ replyText: utf8HeavyReply })` (it renders as boxes without CJK
 * and emoji fonts, so demos use the default).
 */
export function utf8HeavyReply(messages: unknown[]): string {
  const asked = lastUserText(messages).slice(0, 80) || "…";
  return `Voilà ! You asked: «${asked}». Café crème, naïve façade — 日本語のテキスト 你好世界 한국어 🚀✨👩‍💻 done.`;
}

/** The reply for one call, from `replyText` or the default. */
export function replyFor(options: SimulatorOptions, messages: unknown[]): string {
  return continuation(options, messages) ?? fullReply(options, messages);
}

function fullReply(options: SimulatorOptions, messages: unknown[]): string {
  const { replyText } = options;
  if (typeof replyText === "function") return replyText(messages);
  return replyText ?? defaultReply(messages);
}

/**
 * A conversation ending in an assistant partial and a user prompt ("continue") asks the model to go on: when
 * the partial is a strict prefix of the answer the conversation before it gets, the reply is the rest of it.
 */
function continuation(options: SimulatorOptions, messages: unknown[]): string | undefined {
  const [partial, prompt] = messages.slice(-2) as Array<{ role?: unknown; content?: unknown } | null>;
  if (messages.length < 3 || partial?.role !== "assistant" || prompt?.role !== "user" || typeof partial.content !== "string") return undefined;
  const full = fullReply(options, messages.slice(0, -2));
  return full.length > partial.content.length && full.startsWith(partial.content) ? full.slice(partial.content.length) : undefined;
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
