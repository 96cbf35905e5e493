import { createParser } from "eventsource-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSSEReader } from "./sseLines";

/** What our reader hands over for `chunks`: data payloads and comment marks, in order. */
function ours(chunks: string[]): string[] {
  const out: string[] = [];
  const feed = createSSEReader((data) => out.push(`data ${data}`), () => out.push("comment"));
  for (const chunk of chunks) feed(chunk);
  feed("\n\n");
  return out;
}

/** The same from eventsource-parser, the spec-complete parser it replaced. */
function reference(chunks: string[]): string[] {
  const out: string[] = [];
  const parser = createParser({ onEvent: (m) => out.push(`data ${m.data}`), onComment: () => out.push("comment") });
  for (const chunk of chunks) parser.feed(chunk);
  parser.feed("\n\n");
  return out;
}

const line = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "é", " ", ":", "{", "}", "東") }).map((v) => `data: ${v}`),
  fc.string({ maxLength: 5 }).filter((v) => !/[\r\n]/.test(v)).map((v) => `data:${v}`),
  fc.constantFrom("data", ": keepalive", ":", "event: delta", "id: 7", "retry: 100", "retry: x", "dat: no", "datas: no", "data : no", ""),
);
const eol = fc.constantFrom("\n", "\r", "\r\n");
const body = fc.array(fc.tuple(line, eol), { maxLength: 30 }).map((parts) => parts.map(([l, e]) => l + e).join(""));

/** `text` cut at the given offsets. */
const cut = (text: string, offsets: number[]) => {
  const at = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
};

describe("createSSEReader", () => {
  it("reads data and comments like eventsource-parser for any lines, line ends and chunk cuts", () => {
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 8 }), (text, offsets) => {
        const chunks = cut(text, offsets);
        expect(ours(chunks)).toEqual(reference(chunks));
      }),
      { numRuns: 500 },
    );
  });

  it("joins an event's data lines, skips other fields and dispatches nothing for an event without data", () => {
    expect(ours(["event: x\nid: 1\n\n", "data: a\r\ndata:b\rdata\n\n", ": ping\n"])).toEqual(["data a\nb\n", "comment"]);
  });

  it("keeps a CRLF split across chunks as one line end", () => {
    expect(ours(["data: a\r", "\ndata: b\r", "\n\r", "\n"])).toEqual(["data a\nb"]);
  });
});
