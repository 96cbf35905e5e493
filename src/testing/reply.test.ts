import { describe, expect, test } from "vitest";
import { replyFor, utf8HeavyReply } from "./reply";

const REPLY = "Paris is the capital of France.";

describe("the simulated model's reply", () => {
  test("a continue request goes on from where the assistant partial stopped", () => {
    const messages = [{ role: "user", content: "Capital?" }, { role: "assistant", content: "Paris is the cap" }, { role: "user", content: "Continue exactly where you stopped." }];
    expect(replyFor({ replyText: REPLY }, messages)).toBe("ital of France.");
    // With the default reply too: the partial is a prefix of the answer to the conversation before it.
    const full = replyFor({}, messages.slice(0, 1));
    expect(replyFor({}, [messages[0], { role: "assistant", content: full.slice(0, 12) }, messages[2]])).toBe(full.slice(12));
  });

  test("a normal next turn (the whole previous answer, then a new question) gets a whole answer", () => {
    const messages = [{ role: "user", content: "Capital?" }, { role: "assistant", content: REPLY }, { role: "user", content: "And Spain?" }];
    expect(replyFor({ replyText: REPLY }, messages)).toBe(REPLY);
    expect(replyFor({}, [{ role: "assistant", content: "Hi" }, { role: "user", content: "Continue" }])).toContain("Continue");
  });

  test("the default reply is multi-byte but uses only characters every system font has; the UTF-8-heavy one is an option", () => {
    const reply = replyFor({}, [{ role: "user", content: "Write a haiku about retries" }]);
    expect(new TextEncoder().encode(reply).length).toBeGreaterThan(reply.length);
    // Latin-1 letters and the dash and ellipsis of General Punctuation: no CJK, no emoji, no astral characters.
    expect([...reply].filter((c) => c.codePointAt(0)! > 0xff && !"—…".includes(c))).toEqual([]);
    const heavy = replyFor({ replyText: utf8HeavyReply }, [{ role: "user", content: "Hi" }]);
    expect(heavy).toMatch(/日本語.*🚀/u);
    expect([...heavy].some((c) => c.codePointAt(0)! > 0xffff)).toBe(true);
  });
});
