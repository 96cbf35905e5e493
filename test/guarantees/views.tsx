/** The two screens of the matrix, built from the public hooks and components as an app would build them. */
import { ErrorBanner, StreamStatus, useChatStream, useJob, useLLMCall, type ChatPersister, type UseChatStreamResult, type UseJobResult, type UseLLMCallResult } from "../../src/index";

export const MODEL = "chat-fast";

/** The hook results the driver acts on (what the user's clicks would call). */
export interface Hooks {
  plain?: UseLLMCallResult;
  chat?: UseChatStreamResult;
  job?: UseJobResult;
}

/** Where a call runs: single-shot, a job given by id, or a `useJob` handle. */
export type JobMode = { kind: "single" } | { kind: "id"; jobId: string } | { kind: "handle" };

function useJobRef(mode: JobMode, hooks: Hooks): string | UseJobResult | undefined {
  // Hooks run unconditionally: the handle is there in every mode, used only in "handle".
  const handle = useJob({ pollIntervalMs: false, keepOpenOnUnmount: true });
  hooks.job = handle;
  if (mode.kind === "id") return mode.jobId;
  return mode.kind === "handle" ? handle : undefined;
}

/** A form with an answer: what it shows while waiting, the answer, or the error banner. */
export function PlainScreen({ mode, hooks }: { mode: JobMode; hooks: Hooks }) {
  const job = useJobRef(mode, hooks);
  const llm = useLLMCall({ model: MODEL, job });
  hooks.plain = llm;
  return (
    <section>
      <p>{llm.offline ? "Offline — it will be sent when the network is back" : llm.isPending ? "Waiting for the answer…" : ""}</p>
      {llm.data ? <p>{`Answer: ${llm.data.content ?? ""}`}</p> : null}
      <ErrorBanner error={llm.error} onRetry={() => undefined} />
    </section>
  );
}

/** A chat: the answer and its `StreamStatus` line with every action wired. */
export function ChatScreen({ mode, hooks, persist }: { mode: JobMode; hooks: Hooks; persist?: ChatPersister }) {
  const job = useJobRef(mode, hooks);
  const chat = useChatStream({ model: MODEL, job, persist, throttleMs: 16 });
  hooks.chat = chat;
  return (
    <section>
      <p>{chat.text ? `Answer: ${chat.text}` : ""}</p>
      <StreamStatus
        status={chat.status}
        reason={chat.reason}
        retrying={chat.retrying}
        offline={chat.offline}
        outcome={chat.outcome}
        error={chat.error}
        onStop={chat.stop}
        onRetry={chat.retry}
        onContinue={chat.continue}
        onSendAgain={chat.sendAgain}
      />
    </section>
  );
}
