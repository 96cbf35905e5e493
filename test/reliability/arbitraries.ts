import fc from "fast-check";

/** Pieces that stress UTF-8: 2-, 3- and 4-byte characters, ZWJ sequences, flags, combining marks. */
export const PIECES = ["a", "word", " ", " ", "é", "ü", "ñ", "e\u0301", "日本", "語", "你好", "한국어", "🚀", "✨", "👩‍💻", "👨‍👩‍👧‍👦", "🇫🇷", "🇯🇵", "🏳️‍🌈", "«", "—", "\n", ".", "ß"];

/** A UTF-8-heavy reply with at least one visible character. */
export const replyArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }).map((p) => p.join("")).filter((s) => s.trim() !== "");
