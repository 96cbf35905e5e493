/** Helpers for this folder's own tests (not exported from the package). */
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "./constants";
import type { Simulator } from "./types";

export const BASE = "http://sim.test";
export const AUTH = `Bearer ${DEMO_VIRTUAL_KEY}`;
export const MSGS = [{ role: "user", content: "Hi" }];

/** A request with the demo key; a non-string body is sent as JSON. */
export function req(method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: AUTH }, base = BASE): Request {
  const all: Record<string, string> = { ...headers };
  const init: RequestInit = { method, headers: all };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    all["content-type"] ??= "application/json";
  }
  return new Request(base + path, init);
}

/** Sends a request and reads the body as text and (when it parses) JSON. */
export async function call(sim: Simulator, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const res = await sim.fetch(req(method, path, body, headers));
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { res, status: res.status, text, json: (json ?? {}) as Record<string, unknown> & { detail?: unknown } };
}

/** Creates a job for the demo team and returns its id. */
export async function createJob(sim: Simulator): Promise<string> {
  const r = await call(sim, "POST", "/api/jobs/create", { team_id: DEMO_TEAM_ID, job_type: "chat" });
  return r.json.job_id as string;
}

/** Collects a body's network chunks (to inspect byte boundaries). */
export async function chunksOf(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  if (!body) return out;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

/** Concatenates chunks. */
export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** The `data:` payloads of an SSE text, in order. */
export const dataLines = (text: string): string[] =>
  text
    .split("\n\n")
    .filter((block) => block.startsWith("data: "))
    .map((block) => block.slice(6));
