import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactStream } from "./redactStream";

const KEY = "sk-sim-demo-0123456789abcdef/+=";

/** Pushes `text` through the transform cut at `cuts` (byte offsets); returns what came out and in how many chunks. */
async function through(text: string, cuts: number[]): Promise<{ out: string; chunks: string[] }> {
  const bytes = new TextEncoder().encode(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...points, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end)).filter((p) => p.length);
  const source = new ReadableStream<Uint8Array>({ start(c) { for (const p of pieces) c.enqueue(p); c.close(); } });
  const chunks: string[] = [];
  const out: Uint8Array[] = [];
  const reader = source.pipeThrough(redactStream(KEY)).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    out.push(r.value);
    chunks.push(new TextDecoder().decode(r.value));
  }
  return { out: new TextDecoder().decode(new Uint8Array(out.flatMap((c) => [...c]))), chunks };
}

describe("redactStream", () => {
  it("removes the key in every form wherever the chunks are cut, and changes nothing else", async () => {
    const part = fc.oneof(fc.string(), fc.constant(KEY), fc.constant(`Bearer ${KEY}`), fc.constant(encodeURIComponent(KEY)), fc.constant("é€😀"), fc.constant(KEY.slice(0, 9)));
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), async (parts, cuts) => {
        const text = parts.join("");
        const expected = text.split(KEY).join("[redacted]").split(encodeURIComponent(KEY)).join("[redacted]");
        const { out } = await through(text, cuts);
        expect(out).toBe(expected);
        expect(out).not.toContain(KEY);
        expect(out).not.toContain(encodeURIComponent(KEY));
      }),
      { numRuns: 300 },
    );
  });

  it("holds back only what could start the key: an SSE event leaves whole with its chunk", async () => {
    const event = 'data: {"choices":[{"delta":{"content":"sk"}}]}\n\n';
    const { chunks } = await through(`${event}${event}`, [event.length]);
    expect(chunks).toEqual([event, event]);
  });
});
