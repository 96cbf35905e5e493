import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { isSaaSLLMError, readChatStream } from "../../src/index";
import { directClient, makeSimulator, recordFigures, user } from "./kit";
import { replyArb } from "./arbitraries";
import { expectedText, recordingFetch } from "./sseReference";

const MODELS = ["chat-fast", "chat-claude", "chat-gemini"] as const;
const RUNS = Number(process.env.RELIABILITY_SOAK ? 20 : 1) * 800;
const MALFORMED_RUNS = Number(process.env.RELIABILITY_SOAK ? 20 : 1) * 300;

let cases = 0;
let failures = 0;

describe("stream cuts (property-based, client on simulator.fetch)", () => {
  it(`${RUNS} random replies × chunking × cut offsets: text is exactly the decodable prefix delivered`, async () => {
    await fc.assert(
        fc.asyncProperty(
          fc.record({ reply: replyArb, model: fc.constantFrom(...MODELS), split: fc.integer({ min: 1, max: 48 }), cut: fc.option(fc.nat({ max: 4000 }), { nil: undefined }), keepalives: fc.nat({ max: 3 }) }),
          async ({ reply, model, split, cut, keepalives }) => {
            cases++;
            const sim = makeSimulator({ replyText: reply });
            const rec = recordingFetch((i, init) => sim.fetch(new Request(i, init)));
            const client = directClient(sim, { fetch: rec.fetch, retry: false });
            sim.script.next("streamCreateAndCall", { stream: { splitBytes: split, cutAfterBytes: cut, keepalives } });
            const got = await client.streamCreateAndCall({ model, messages: user("go") }).then(
              (r) => ({ ok: true as const, text: r.text }),
              (e: unknown) => {
                if (!isSaaSLLMError(e) || e.kind !== "stream_interrupted") throw e;
                return { ok: false as const, text: e.partialText ?? "" };
              },
            );
            const expected = expectedText(rec.bytes());
            try {
              expect(got.text).toBe(expected);
              expect(reply.startsWith(got.text)).toBe(true);
              expect(got.text).not.toContain("\uFFFD");
              if (got.ok) expect(got.text).toBe(reply);
            } catch (error) {
              failures++;
              throw error;
            }
          },
        ),
      { numRuns: RUNS, seed: 20251105 },
    );
  }, 120_000);
});

/** SSE built by hand: events, garbage, comments and other fields, with a chosen line ending. */
const lineArb = fc.oneof(
  { weight: 6, arbitrary: replyArb.map((t) => ({ kind: "text" as const, t })) },
  { weight: 1, arbitrary: fc.constantFrom("garbage line", "data: not json", "data: {broken", "event: ping", "id: 42", "retry: 100", ": keepalive", "data: [1,2]", "data: null", "data:{\"x\":1}").map((raw) => ({ kind: "raw" as const, raw })) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 120_000 }).map((n) => ({ kind: "huge" as const, n })) },
);

describe("malformed SSE through readChatStream", () => {
  it(`${MALFORMED_RUNS} hand-made streams: garbage, huge lines, missing blank lines, CRLF and CR endings, any chunking`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
          eol: fc.constantFrom("\n", "\r\n", "\r"),
          dropBlank: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
          done: fc.boolean(),
          cuts: fc.array(fc.nat(), { maxLength: 30 }),
        }),
        async ({ lines, eol, dropBlank, done, cuts }) => {
          cases++;
          const chunk = (t: string) => JSON.stringify({ choices: [{ index: 0, delta: { content: t }, finish_reason: null }] });
          const parts = lines.map((l, i) => {
            const line = l.kind === "text" ? `data: ${chunk(l.t)}` : l.kind === "huge" ? `data: ${chunk("x".repeat(l.n))}` : l.raw;
            return line + eol + (dropBlank[i] ? "" : eol);
          });
          const source = parts.join("") + (done ? `data: [DONE]${eol}${eol}` : "");
          const bytes = new TextEncoder().encode(source);
          // Random network chunking, including splits inside CRLF and inside characters.
          const offsets = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces: Uint8Array[] = [];
          let prev = 0;
          for (const o of [...offsets, bytes.length]) {
            if (o === prev) continue;
            pieces.push(bytes.slice(prev, o));
            prev = o;
          }
          const body = new ReadableStream<Uint8Array>({
            start(c) {
              for (const p of pieces) c.enqueue(p);
              c.close();
            },
          });
          const text = await readChatStream(body).then(
            (r) => r.text,
            (e: unknown) => {
              if (!isSaaSLLMError(e) || e.kind !== "stream_interrupted") throw e;
              return e.partialText ?? "";
            },
          );
          try {
            expect(text).toBe(expectedText(bytes));
            expect(text).not.toContain("\uFFFD");
          } catch (error) {
            failures++;
            throw error;
          }
        },
      ),
      { numRuns: MALFORMED_RUNS, seed: 6 },
    );
  }, 120_000);

  it("a line over the 1 MiB limit fails as bad_response and keeps the text before it", async () => {
    cases++;
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode(`data: ${JSON.stringify({ choices: [{ delta: { content: "ok 🚀" } }] })}\n\n`));
        c.enqueue(enc.encode(`data: ${"y".repeat(1.5 * 1024 * 1024)}`));
        c.close();
      },
    });
    const error = await readChatStream(body).then(() => null, (e: unknown) => e);
    expect(isSaaSLLMError(error) && error.kind).toBe("bad_response");
    expect(isSaaSLLMError(error) && error.partialText).toBe("ok 🚀");
  });

  afterAll(() => recordFigures("3-streams-client", { section: "Stream cuts and malformed SSE (client, readChatStream)", cases, failures }));
});
