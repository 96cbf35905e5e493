/** Shared pieces of the reliability suite: the secrets it hunts for, a simulator factory, and its figures. */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createSaaSLLMClient, type SaaSLLMClientOptions } from "../../src/index";
import { createSimulator, DEMO_TEAM_ID, type Simulator, type SimulatorOptions } from "../../src/testing/index";

/** A virtual key distinctive enough that any occurrence in output is a leak. */
export const VIRTUAL_KEY = "sk-reliab1lity-VIRTUALKEY-0xC0FFEE";
/** Provider secrets the scripted error texts carry (OpenAI-style key, Gemini `?key=`, a Google API key). */
export const PROVIDER_KEY = "sk-proj-PROVIDERSECRET4242abcdef";
export const GEMINI_KEY = "GEMINIQUERYSECRET9191";
export const GOOGLE_KEY = "AIzaSyRELIABILITYgoogle0000key";
export const SECRETS = [VIRTUAL_KEY, PROVIDER_KEY, GEMINI_KEY, GOOGLE_KEY, "PROVIDERSECRET", "VIRTUALKEY-0xC0FFEE"];
/** Provider error texts as the upstream forwards them (contract §5.2), each carrying secrets. */
export const LEAKY_DETAILS = [
  `LLM call failed: 500: Failed to call provider API: OpenAI authentication failed: Incorrect API key provided: ${PROVIDER_KEY}`,
  `LLM call failed: 500: Failed to call provider API: Gemini error: Client error '400 Bad Request' for url 'https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent?key=${GEMINI_KEY}'`,
  `LLM call failed: 500: Failed to call provider API: OpenAI rate limit: Error code: 429 - {'error': {'message': 'Rate limit for key ${PROVIDER_KEY}', 'api_key': '${GOOGLE_KEY}'}}`,
  `Upstream said: Authorization: Bearer ${VIRTUAL_KEY} was refused`,
];

/** Every secret found in `text` (empty when clean). */
export function findSecrets(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

/** One team whose key is {@link VIRTUAL_KEY}. */
export function makeSimulator(options: SimulatorOptions = {}): Simulator {
  return createSimulator({ seed: 11, teams: [{ teamId: DEMO_TEAM_ID, virtualKey: VIRTUAL_KEY, credits: 100_000 }], ...options });
}

/** A client on the simulator's `fetch` (no sockets, so fake timers work). */
export function directClient(simulator: Simulator, options: Partial<SaaSLLMClientOptions> = {}) {
  return createSaaSLLMClient({ baseUrl: "http://sim.test", teamId: DEMO_TEAM_ID, virtualKey: VIRTUAL_KEY, fetch: (input, init) => simulator.fetch(new Request(input, init)), ...options });
}

/** A client over a real loopback socket. */
export function socketClient(url: string, options: Partial<SaaSLLMClientOptions> = {}) {
  return createSaaSLLMClient({ baseUrl: url, teamId: DEMO_TEAM_ID, virtualKey: VIRTUAL_KEY, ...options });
}

export const user = (content: string) => [{ role: "user" as const, content }];

/** Deterministic PRNG (mulberry32) so chaos runs replay from their seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

// Figures: each file writes its own JSON (vitest runs files in separate workers), and every file
// re-renders results.md from all of them, so the last one to finish leaves the complete table.
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, ".figures");

export interface Figures {
  section: string;
  cases: number;
  failures: number;
  jobs?: number;
  leaks?: number;
  notes?: string[];
}

export function recordFigures(name: string, figures: Figures): void {
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  // Written aside, then renamed: a run beside this one (another checkout's or the same one's) never reads half a file.
  const aside = join(outDir, `${name}.${process.pid}.tmp`);
  writeFileSync(aside, JSON.stringify(figures, null, 2));
  renameSync(aside, join(outDir, `${name}.json`));
  const all = readdirSync(outDir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(join(outDir, f), "utf8")) as Figures);
  const rows = all.map((f) => `| ${f.section} | ${f.cases} | ${f.failures} | ${f.jobs ?? "–"} | ${f.leaks ?? "–"} |`);
  const notes = all.flatMap((f) => (f.notes ?? []).map((n) => `- ${f.section}: ${n}`));
  const total = all.reduce((s, f) => s + f.cases, 0);
  const failures = all.reduce((s, f) => s + f.failures, 0);
  const md = [
    "# Reliability suite: figures",
    "",
    "Written by `npm run test:reliability` (the same suite runs in `npm test`, which does not rewrite this file). Seeds are fixed, and for a seed the chaos job counts are the same on every run (each scenario has its own simulator; stops and unmounts happen at protocol points).",
    "",
    "| Section | Cases | Failures | Jobs | Leaks |",
    "|---|---|---|---|---|",
    ...rows,
    `| **Total** | **${total}** | **${failures}** | | |`,
    "",
    ...notes,
    "",
  ].join("\n");
  // The tracked table is rewritten only when asked (`npm run test:reliability`); `npm test` leaves it alone.
  if (process.env.RECORD_RELIABILITY === "1") writeFileSync(join(here, "results.md"), md);
  console.info(`[reliability] ${figures.section}: cases=${figures.cases} failures=${figures.failures}${figures.jobs !== undefined ? ` jobs=${figures.jobs}` : ""}${figures.leaks !== undefined ? ` leaks=${figures.leaks}` : ""}`);
}
