// @vitest-environment jsdom
import { act, render, type RenderResult } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AnswerOutcome } from "../../core/calls/answerOutcome";
import type { ChatStreamStatus } from "../../core/chat/chatTypes";
import type { UnfinishedReason } from "../../core/chat/unfinishedReason";
import { SaaSLLMError, type SaaSLLMErrorKind } from "../../core/SaaSLLMError";
import type { RetryWait } from "../../core/transport";
import { countdownCopy, ERROR_COPY, messageOf, VARIANT_COPY, type ErrorCopy } from "../../core/ui/errorCopy";
import { outcomeText, streamStatusText } from "../../core/ui/streamStatusText";
import { toErrorState } from "../../core/ui/toErrorState";
import { CreditsMeter } from "./CreditsMeter";
import { ErrorBanner } from "./ErrorBanner";
import { JobCost } from "./JobCost";
import { StreamStatus } from "./StreamStatus";
import { TeamStatusBanner } from "./TeamStatusBanner";
import { failureOf, hello, startSim, withProviders } from "../../../test/fixtures/simulatorFixture";

/** Our words, not the user's: an end user has no key, no job and nothing virtual. */
const OUR_WORDS = /\b(key|keys|job|jobs|virtual)\b/i;

// `satisfies Record<Union, true>` makes each list total: a new member is a compile error here until listed.
const STATUSES = Object.keys({ idle: true, offline: true, connecting: true, generating: true, retrying: true, streaming: true, done: true, interrupted: true, error: true, stopped: true } satisfies Record<ChatStreamStatus, true>) as ChatStreamStatus[];
const REASONS = Object.keys({ stopped: true, length: true, content_filter: true, network: true, stalled: true, server_error: true, rate_limited: true, refused: true, unknown_outcome: true, offline: true } satisfies Record<UnfinishedReason, true>) as UnfinishedReason[];
const KINDS = Object.keys({
  unauthorized: true, insufficient_credits: true, team_suspended: true, team_paused: true, model_access_denied: true, rate_limited: true, server: true, unavailable: true,
  circuit_open: true, network: true, timeout: true, stream_interrupted: true, stream_error: true, bad_request: true, validation: true, bad_response: true, not_found: true, forbidden: true, aborted: true,
} satisfies Record<SaaSLLMErrorKind, true>) as SaaSLLMErrorKind[];
const OUTCOMES: AnswerOutcome[] = [
  { status: "checking" },
  { status: "charged", jobId: "j1" },
  { status: "not_charged", jobId: "j1", closedByClient: true },
  { status: "unknown", error: new SaaSLLMError({ kind: "server", message: "dev" }) },
];
const WAITS: Array<RetryWait | null> = [null, { attempt: 2, maxAttempts: 4, nextRetryAt: Date.now() + 3000 }, { attempt: 2, maxAttempts: 4, nextRetryAt: Date.now() + 3000, offline: true }];
const ALL = { onRetry: () => {}, onContinue: () => {}, onReauth: () => {}, onAddCredits: () => {}, onChooseModel: () => {}, onContactAdmin: () => {}, onDismiss: () => {}, onStop: () => {}, onSendAgain: () => {} };

/** Every error a component can be given: each kind, with a wait, partial text and the variants' triggers. */
function everyError(): SaaSLLMError[] {
  return KINDS.flatMap((kind) => [
    new SaaSLLMError({ kind, message: `dev ${kind}` }),
    new SaaSLLMError({ kind, message: `dev ${kind}`, retryAfterMs: 5000, partialText: "Partial" }),
  ]).concat([
    new SaaSLLMError({ kind: "server", message: "dev", permanent: true }),
    new SaaSLLMError({ kind: "forbidden", message: "dev", detail: "API key does not belong to team 'x'" }),
    new SaaSLLMError({ kind: "validation", message: "dev", fieldErrors: [{ path: "body.messages", loc: ["body", "messages"], message: "Field required", type: "missing" }] }),
  ]);
}

/** What a user can read or hear in a rendered tree: its text and the accessible names and values. */
function heard(result: RenderResult): string[] {
  const attrs = [...result.container.querySelectorAll("[aria-label],[aria-valuetext],[title]")].flatMap((el) => ["aria-label", "aria-valuetext", "title"].map((a) => el.getAttribute(a) ?? ""));
  return [result.container.textContent ?? "", ...attrs].filter(Boolean);
}

const withOurWords = (strings: string[]) => [...new Set(strings)].filter((s) => OUR_WORDS.test(s));

describe("end-user copy never uses our words (key, job, virtual)", () => {
  it("the state copy, its variants, the wait sentences and the countdown", () => {
    const copies: ErrorCopy[] = [...Object.values(ERROR_COPY), ...Object.values(VARIANT_COPY)];
    const strings = copies.flatMap((c) => [c.title, c.message, messageOf(c, 5000)]);
    strings.push(...[0, 1, 5].map(countdownCopy), ...everyError().flatMap((e) => [toErrorState(e).title, toErrorState(e).message]));
    expect(strings.length).toBeGreaterThan(40);
    expect(withOurWords(strings)).toEqual([]);
  });

  it("every stream status text, reason and outcome", () => {
    const strings = STATUSES.flatMap((status) => [null, ...REASONS].flatMap((reason) => WAITS.flatMap((wait) => [0, 3].map((s) => streamStatusText(status, reason, wait, s)))));
    strings.push(...OUTCOMES.map(outcomeText));
    expect(withOurWords(strings)).toEqual([]);
  });

  it("ErrorBanner and StreamStatus, rendered for every error and status with every button", () => {
    const strings = everyError().flatMap((error) => heard(render(<ErrorBanner error={error} {...ALL} />)));
    for (const status of STATUSES) for (const reason of [null, ...REASONS]) for (const outcome of [null, ...OUTCOMES]) {
      strings.push(...heard(render(<StreamStatus status={status} reason={reason} outcome={outcome} error={everyError()[0]} retrying={WAITS[1]} {...ALL} />)));
    }
    expect(withOurWords(strings)).toEqual([]);
  });

  it("TeamStatusBanner, CreditsMeter and JobCost in their states", async () => {
    const { simulator, client } = await startSim();
    const { job_id } = await client.createJob({ job_type: "chat" });
    await client.streamLLMCall(job_id, { model: "chat-fast", messages: hello });
    await client.llmCall(job_id, { model: "chat-fast", messages: hello });
    const page = render(<><TeamStatusBanner {...ALL} /><CreditsMeter lowThreshold={200} onAddCredits={() => {}} /><JobCost job={null} /><JobCost job={job_id} /></>, { wrapper: withProviders(client) });
    await page.findAllByText("+ 1 not reported", { exact: false });
    const strings = heard(page);
    const team: Array<() => void> = [() => simulator.team().suspend(), () => (simulator.team().resume(), simulator.team().pause()), () => (simulator.team().resume(), simulator.team().setCredits(0)), () => (simulator.team().setCredits(100), simulator.team().revokeKey())];
    for (const arrange of team) {
      arrange();
      await act(() => failureOf(client.createAndCall({ job_type: "chat", model: "chat-fast", messages: hello })));
      strings.push(...heard(page));
    }
    expect(strings.join(" ")).toMatch(/Team suspended.*Team paused.*Out of credits.*Sign-in needed/);
    expect(withOurWords(strings)).toEqual([]);
  });
});
