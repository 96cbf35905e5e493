/**
 * The three rules every cell is held to, and the waiting bounds they use, derived from the client's own
 * timeouts and retry policy (so the page changes when they do).
 */
import { defaultTimeout } from "../../src/core/endpoints";
import { DEFAULT_OFFLINE_WINDOW_MS } from "../../src/core/onlineSource";
import { retryDelay, shouldRetry } from "../../src/core/retry";
import { SaaSLLMError } from "../../src/core/SaaSLLMError";
import { RETRY_AFTER_S, SIM_BASE, type Cell } from "./cells";
import type { Observation } from "./observe";

export type Rule = "charged-once" | "ui-matches-ledger" | "bounded-wait";

export const RULES: Record<Rule, string> = {
  "charged-once":
    "One intent is charged at most once, unless the user chose `sendAgain`: credits charged plus single-shot jobs left open (the server may still complete and charge them) ≤ sends made.",
  "ui-matches-ledger":
    "What the screen says about a charge is what the ledger says: `charged` ⇒ at least one credit; `not charged` and `with the job` (an in-job answer, billed when the app completes the job) ⇒ no credit and no single-shot job left open; `may be charged`, `checking` and `silent` claim nothing.",
  "bounded-wait": "No waiting state (pending, connecting, retrying, streaming, offline hold, checking the charge) lasts longer than its bound.",
};

/** Attempts of one answer, as the retry policy allows them for a failure it retries (a 503). */
const transient = new SaaSLLMError({ kind: "unavailable", status: 503, message: "Service Unavailable" });
const ATTEMPTS = (() => {
  let failures = 0;
  while (shouldRetry(failures, transient)) failures++;
  return failures + 1;
})();
/** The longest backoff before retry `n` (0-based): the policy's delay with its jitter at the top. */
const backoffMax = (n: number) => retryDelay(n, transient, () => 1);
const answerTokens = String(SIM_BASE.replyText).split(" ").length;

/** The parts of a bound, each in ms, named for the page. */
export function boundOf(cell: Cell): Array<[string, number]> {
  const { path, scenario } = cell;
  const timeout = defaultTimeout(path.endpoint);
  const parts: Array<[string, number]> = [[`${ATTEMPTS} attempts × ${path.endpoint} timeout`, ATTEMPTS * timeout]];
  let backoff = 0;
  for (let n = 0; n < ATTEMPTS - 1; n++) backoff += backoffMax(n);
  parts.push(["backoff (+25% jitter)", backoff]);
  if (scenario.id === "429-retry-after") parts.push(["Retry-After", RETRY_AFTER_S * 1000]);
  if (scenario.action === "offline") parts.push(["offline window", DEFAULT_OFFLINE_WINDOW_MS]);
  if (path.hook === "stream") parts.push(["the answer's generation", answerTokens * (SIM_BASE.tokenDelayMs ?? 0)]);
  if (path.hook === "stream" && path.job === "single") parts.push(["charge lookup (list jobs + close)", defaultTimeout("listTeamJobs") + defaultTimeout("completeJob")]);
  if (scenario.action === "busy") parts.push(["the second answer", parts.reduce((sum, [, ms]) => sum + ms, 0)]);
  return parts;
}

export const boundMs = (cell: Cell) => boundOf(cell).reduce((sum, [, ms]) => sum + ms, 0);

const CLAIMS_CHARGE = new Set(["charged"]);
const CLAIMS_NONE = new Set(["not charged", "with the job"]);

/** The rules a cell's observation breaks (empty when it keeps all three). */
export function violations(cell: Cell, o: Observation): Rule[] {
  const broken: Rule[] = [];
  if (!o.sentAgain && o.charges + o.openSingleShot > o.intents) broken.push("charged-once");
  if ((CLAIMS_CHARGE.has(o.claim) && o.charges === 0) || (CLAIMS_NONE.has(o.claim) && o.charges + o.openSingleShot > 0)) broken.push("ui-matches-ledger");
  if (o.waitingMs === null || o.waitingMs > boundMs(cell)) broken.push("bounded-wait");
  return broken;
}
