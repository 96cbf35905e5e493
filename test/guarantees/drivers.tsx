/** One small driver per hook: what the user's clicks call, and how to read what the screen says. */
import { act } from "@testing-library/react";
import type { ReactElement } from "react";
import type { ChatPersister } from "../../src/index";
import type { Path } from "./cells";
import { ChatScreen, PlainScreen, type Hooks, type JobMode } from "./views";

/**
 * What the screen says about the charge. `with the job`: an in-job answer, billed when the app completes the
 * job. `not charged`: a failure, stop or interruption the screen gives no charge for. `silent`: the screen
 * shows nothing of the call (e.g. after a reload of a screen that does not persist).
 */
export type Claim = "charged" | "with the job" | "not charged" | "may be charged" | "checking" | "silent";

export interface Driver {
  ui: ReactElement;
  send(text: string): void;
  stop(): void;
  /** Continue (chat only) and Send again. */
  continue(): void;
  sendAgain(): void;
  /** The screen shows a waiting state (a spinner, "Connecting…", "Retrying…", "Checking…", offline hold). */
  waiting(): boolean;
  status(): string;
  claim(): Claim;
}

/** What the screen says about a charge once the server's outcome of a lost answer is known (or being looked up). */
const CLAIMS: Record<string, Claim> = { charged: "charged", not_charged: "not charged", unknown: "may be charged", checking: "checking" };
const claimOfOutcome = (status: string | undefined): Claim | undefined => (status ? CLAIMS[status] : undefined);

function plainDriver(mode: JobMode): Driver {
  const hooks: Hooks = {};
  const llm = () => hooks.plain!;
  return {
    ui: <PlainScreen mode={mode} hooks={hooks} />,
    send: (text) => act(() => void llm().call(text)),
    stop: () => act(() => llm().cancel()),
    continue: () => undefined,
    sendAgain: () => act(() => void llm().sendAgain().catch(() => undefined)),
    waiting: () => llm().isPending || llm().offline || llm().outcome?.status === "checking",
    status: () => (llm().offline ? "offline" : llm().status) + (llm().outcome ? ` (outcome: ${llm().outcome!.status})` : ""),
    claim: () => {
      const outcome = claimOfOutcome(llm().outcome?.status);
      if (outcome) return outcome;
      if (llm().isSuccess) return mode.kind === "single" ? "charged" : "with the job";
      return llm().isError ? "not charged" : "silent";
    },
  };
}

function chatDriver(mode: JobMode, persist?: ChatPersister): Driver {
  const hooks: Hooks = {};
  const chat = () => hooks.chat!;
  return {
    ui: <ChatScreen mode={mode} hooks={hooks} persist={persist} />,
    send: (text) => act(() => chat().send(text)),
    stop: () => act(() => chat().stop()),
    continue: () => act(() => chat().continue()),
    sendAgain: () => act(() => chat().sendAgain()),
    waiting: () => chat().isBusy || chat().outcome?.status === "checking",
    status: () => chat().status + (chat().outcome ? ` (outcome: ${chat().outcome!.status})` : ""),
    claim: () => {
      const outcome = claimOfOutcome(chat().outcome?.status);
      if (outcome) return outcome;
      const status = chat().status;
      if (status === "done") return mode.kind === "single" ? "charged" : "with the job";
      return status === "idle" ? "silent" : "not charged";
    },
  };
}

export function driverFor(path: Path, jobId: string | null, persist?: ChatPersister): Driver {
  const mode: JobMode = path.job === "id" ? { kind: "id", jobId: jobId! } : path.job === "handle" ? { kind: "handle" } : { kind: "single" };
  return path.hook === "plain" ? plainDriver(mode) : chatDriver(mode, persist);
}
