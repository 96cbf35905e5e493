import { describe, expect, it } from "vitest";
import { direct, MESSAGES, onFakeClock, THIRTEEN } from "./kit";

describe("§5 When the client aborts a create-and-call stream", () => {
  it.each([
    // The server leaves the job open: the client's own stop cleanup watches it for 30 s, then fails it.
    ["open", "FAILED", 0],
    // The server finishes the generation (2 s) and completes and charges the job: the client sends no close.
    ["completed", "COMPLETED", 1],
  ] as const)("§5 after an abort the job may be open, completed and charged, or failed (abortedStreamJob: %s)", async (abortedStreamJob, status, charged) => {
    const { sim, client } = direct({ replyText: THIRTEEN, tokenDelayMs: 150, abortedStreamJob });
    const controller = new AbortController();
    const { error } = await onFakeClock(() => {
      setTimeout(() => controller.abort(), 500);
      const call = client.streamCreateAndCall({ model: "chat-fast", messages: MESSAGES, job_metadata: { client_request_id: "abort-1" } }, { signal: controller.signal, retry: false });
      // Past the cleanup's watch (30 s), so its lookups and close are done when the fake clock stops.
      return call.finally(() => new Promise((resolve) => setTimeout(resolve, 31_000)));
    });
    expect(error).toMatchObject({ kind: "aborted", partialText: "" });
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual([status]);
    expect(sim.ledger.charges()).toBe(charged);
    expect(sim.requestsTo("completeJob")).toHaveLength(1 - charged);
    // The client's cleanup closed the open job and left the completed one alone: nothing is left to close.
    expect(await client.failOpenJobs("abort-1", "Stopped by the user")).toBe(0);
    expect(sim.ledger.openJobs()).toHaveLength(0);
    expect(sim.ledger.charges()).toBe(charged);
  });

  it("§5 after a provider cut the aborted-or-not question does not arise: the job is FAILED and not charged", async () => {
    const { sim, client } = direct({ replyText: THIRTEEN });
    sim.provider.next({ cutAfterChunks: 3 });
    const { error } = await onFakeClock(() => client.streamCreateAndCall({ model: "chat-fast", messages: MESSAGES }, { retry: false }));
    expect(error).toMatchObject({ kind: "stream_error", partialText: "" });
    expect(sim.ledger.jobs().map((j) => j.status)).toEqual(["FAILED"]);
    expect(sim.ledger.charges()).toBe(0);
  });
});
