/**
 * `npm run example`: starts the built-in API simulator on 127.0.0.1 and walks one job through
 * create -> streamed call -> complete, then shows what the failure handling does with a cut stream,
 * a suspended team and a 503 that recovers. No backend, no key of yours.
 */
import { createSaaSLLMClient, isSaaSLLMError } from "../src/index";
import { createSimulator, DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../src/testing/index";
import { startSimulatorServer } from "../src/testing/node";

const simulator = createSimulator({ preset: "documented", tokenDelayMs: 15 });
const server = await startSimulatorServer(simulator);
const client = createSaaSLLMClient({
  baseUrl: server.url,
  teamId: DEMO_TEAM_ID,
  virtualKey: DEMO_VIRTUAL_KEY,
  retry: { delay: (attempt) => 200 * 2 ** attempt }, // short waits for the demo; the default is 1 s, 2 s, 4 s ...
  onEvent: (e) => e.type === "retry" && console.log(`  ↻ retry ${e.attempt} of ${e.endpoint} after ${e.kind} in ${e.delayMs} ms`),
});
const say = (title: string) => console.log(`\n\x1b[1m${title}\x1b[0m`);

try {
  say(`Simulator listening on ${server.url}`);
  const { job_id } = await client.createJob({ job_type: "walkthrough" });
  console.log(`  job ${job_id} created`);

  say("Streaming an answer in the job:");
  process.stdout.write("  ");
  const answer = await client.streamLLMCall(job_id, { model: "chat-fast", messages: [{ role: "user", content: "Say hello" }] }, {
    onEvent: (e) => e.type === "text" && process.stdout.write(e.text),
  });
  console.log(`\n  (${answer.chunkCount} chunks, finish: ${answer.finishReason})`);

  const done = await client.completeJob(job_id, { status: "completed" });
  console.log(`  completed: ${done.costs.total_calls} call(s), credit applied: ${done.costs.credit_applied}, credits left: ${done.costs.credits_remaining}`);

  say("A stream cut after 5 chunks keeps its partial text:");
  simulator.script.next("streamCreateAndCall", { stream: { cutAfterChunks: 5 } });
  try {
    await client.streamCreateAndCall({ model: "chat-claude", messages: [{ role: "user", content: "Tell me more" }] });
  } catch (e) {
    if (isSaaSLLMError(e)) console.log(`  ${e.kind} (retryable: ${e.retryable}); kept: ${JSON.stringify(e.partialText)}`);
  }

  say("A 503 twice, then success (retried with backoff):");
  simulator.script.next("getJob", { status: 503, detail: "maintenance" }, { times: 2 });
  console.log(`  job status: ${(await client.getJob(job_id)).status}`);

  say("A suspended team is a 403 that is never retried:");
  simulator.clearRequests();
  simulator.team().suspend();
  try {
    await client.createJob({ job_type: "x" });
  } catch (e) {
    if (isSaaSLLMError(e)) console.log(`  ${e.kind}: ${e.message}; requests sent: ${simulator.requestsTo("createJob").length}`);
  }
} finally {
  await server.close();
}
