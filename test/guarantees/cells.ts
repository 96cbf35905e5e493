/** The matrix as data: paths (which hook, where the call runs) × scenarios (what happens on the way). */
import type { EndpointName } from "../../src/core/endpoints";
import type { Simulator, SimulatorOptions } from "../../src/testing/index";

export type PathId = "plain" | "plain-job" | "plain-handle" | "stream" | "stream-job" | "stream-handle";

export interface Path {
  id: PathId;
  title: string;
  hook: "plain" | "stream";
  job: "single" | "id" | "handle";
  /** The endpoint the answer's request goes to. */
  endpoint: EndpointName;
}

export const PATHS: Path[] = [
  { id: "plain", title: "`useLLMCall`, single-shot (create-and-call)", hook: "plain", job: "single", endpoint: "createAndCall" },
  { id: "plain-job", title: "`useLLMCall` in a job given by id (`job: \"<id>\"`)", hook: "plain", job: "id", endpoint: "llmCall" },
  { id: "plain-handle", title: "`useLLMCall` in a `useJob` handle", hook: "plain", job: "handle", endpoint: "llmCall" },
  { id: "stream", title: "`useChatStream`, single-shot (create-and-call-stream)", hook: "stream", job: "single", endpoint: "streamCreateAndCall" },
  { id: "stream-job", title: "`useChatStream` in a job given by id (`job: \"<id>\"`)", hook: "stream", job: "id", endpoint: "streamLLMCall" },
  { id: "stream-handle", title: "`useChatStream` in a `useJob` handle", hook: "stream", job: "handle", endpoint: "streamLLMCall" },
];

/** One thing the user (or the device) does. */
export type Step = "send" | "stop" | "continue" | "sendAgain" | "reload" | "offline" | "online";
export const ACT_AT_MS = 250;
export const CONTINUE_AT_MS = 2_000;
export const ONLINE_AT_MS = 5_000;

/**
 * What the user does, as timed steps (fake-clock ms after the first send). `stop`: Stop (or `cancel()`)
 * during generation. `reload`: the page dies mid-answer and the persisted chat is opened again. `busy`: a
 * second send while the first is under way.
 */
export const ACTIONS = {
  send: [[0, "send"]],
  offline: [[0, "offline"], [0, "send"], [ONLINE_AT_MS, "online"]],
  stop: [[0, "send"], [ACT_AT_MS, "stop"]],
  "stop-continue": [[0, "send"], [ACT_AT_MS, "stop"], [CONTINUE_AT_MS, "continue"]],
  "stop-send-again": [[0, "send"], [ACT_AT_MS, "stop"], [CONTINUE_AT_MS, "sendAgain"]],
  reload: [[0, "send"], [ACT_AT_MS, "reload"]],
  busy: [[0, "send"], [ACT_AT_MS, "send"]],
} satisfies Record<string, Array<[number, Step]>>;
export type Action = keyof typeof ACTIONS;

/** The 429's Retry-After, in seconds. */
export const RETRY_AFTER_S = 3;

export interface Scenario {
  id: string;
  title: string;
  action: Action;
  sim?: SimulatorOptions;
  /** Scripts the simulator for a path before the user acts. */
  script?: (sim: Simulator, path: Path) => void;
  /** Why the scenario has no meaning on a hook (the cell is listed as not applicable). */
  notFor?: { hook: Path["hook"]; why: string };
}

/** A plain call is answered at once by the simulator: a provider 429 the server retries twice makes it last ~1.5 s, with its job open. */
const slowPlain = (sim: Simulator, path: Path) => void (path.hook === "plain" && sim.provider.next({ status: 429 }, { times: 2 }));

export const SCENARIOS: Scenario[] = [
  { id: "ok", title: "Nothing goes wrong", action: "send" },
  { id: "timeout-first-byte", title: "Timeout before the first byte (the request never reaches the API: a proxy holds it)", action: "send", script: (sim, p) => sim.script.next(p.endpoint, { delayMs: 3_600_000 }, { times: 10 }) },
  {
    id: "timeout-after-sent",
    title: "Timeout after the request was sent (the job is open; the provider is slower than the client's timeout)",
    action: "send",
    script: (sim) => sim.provider.next({ cutAfterChunks: 1000, tokenDelayMs: 600_000 }, { times: 100 }),
  },
  { id: "429-retry-after", title: `429 with Retry-After: ${RETRY_AFTER_S}, once`, action: "send", script: (sim, p) => sim.script.next(p.endpoint, { status: 429, detail: "Rate limit exceeded", headers: { "retry-after": String(RETRY_AFTER_S) } }) },
  { id: "503", title: "503 from the API, once", action: "send", script: (sim, p) => sim.script.next(p.endpoint, { status: 503 }) },
  { id: "provider-failure", title: "The provider fails (500 on every try)", action: "send", script: (sim) => sim.provider.next({ status: 500 }, { times: 100 }) },
  {
    id: "cut-before-text",
    title: "The connection is cut before any text (plain: the socket drops with no response)",
    action: "send",
    script: (sim, p) => sim.script.next(p.endpoint, p.hook === "plain" ? { networkError: true } : { stream: { cutAfterChunks: 0 } }),
  },
  {
    id: "cut-after-text",
    title: "The connection is cut after some text",
    action: "send",
    script: (sim, p) => sim.script.next(p.endpoint, { stream: { cutAfterChunks: 3 } }),
    notFor: { hook: "plain", why: "a plain answer arrives whole: there is no text before the end" },
  },
  { id: "stop-open", title: `Stop at ${ACT_AT_MS} ms, during generation (server leaves an aborted stream's job open)`, action: "stop", sim: { abortedStreamJob: "open" }, script: slowPlain },
  { id: "stop-completed", title: `Stop at ${ACT_AT_MS} ms, during generation (server finishes and charges an aborted stream's job)`, action: "stop", sim: { abortedStreamJob: "completed" }, script: slowPlain },
  {
    id: "stop-continue",
    title: `Stop at ${ACT_AT_MS} ms (server finishes and charges an aborted stream's job), then Continue at ${CONTINUE_AT_MS} ms`,
    action: "stop-continue",
    sim: { abortedStreamJob: "completed" },
    notFor: { hook: "plain", why: "a plain call has no Continue" },
  },
  {
    id: "stop-send-again",
    title: `Stop at ${ACT_AT_MS} ms (server finishes and charges an aborted stream's job), then \`sendAgain\` at ${CONTINUE_AT_MS} ms (the user chose a second charge)`,
    action: "stop-send-again",
    sim: { abortedStreamJob: "completed" },
  },
  { id: "reload", title: `Reload at ${ACT_AT_MS} ms, mid-answer (a persisted chat is opened again)`, action: "reload", script: slowPlain },
  { id: "offline", title: `Sent offline, back online at ${ONLINE_AT_MS} ms`, action: "offline" },
  { id: "busy", title: `A second send at ${ACT_AT_MS} ms, while the first is under way`, action: "busy", script: slowPlain },
];

export interface Cell {
  id: string;
  path: Path;
  scenario: Scenario;
}

export const CELLS: Cell[] = PATHS.flatMap((path) => SCENARIOS.map((scenario) => ({ id: `${path.id}/${scenario.id}`, path, scenario })));

/** Simulator settings of every cell: token-by-token delivery, a short answer, a working in-job stream. */
export const SIM_BASE: SimulatorOptions = {
  preset: "live",
  seed: 23,
  replyText: "one two three four five six seven eight nine ten",
  tokenDelayMs: 100,
  brokenLlmCallStream: false,
};
