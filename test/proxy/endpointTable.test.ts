/**
 * The endpoint table (the method modules' route tables in src/core/endpoints.ts, with their rules in `ENDPOINTS`, src/core/endpointRules.ts) against its three readers: every client method,
 * sent through the proxy's allowlist, reaches the simulator's endpoint of the same name with the table's
 * method and path. A `Record` over `EndpointName`, so a new endpoint cannot be left out.
 */
import { describe, expect, it } from "vitest";
import { createSaaSLLMClient } from "../../src/core/createSaaSLLMClient";
import { ENDPOINT_PATTERNS } from "../../src/core/endpointPatterns";
import type { EndpointName } from "../../src/core/endpoints";
import { DEMO_TEAM_ID } from "../../src/testing/index";
import { useProxy } from "./proxyFixture";

describe("one endpoint table for the client, the proxy and the simulator", () => {
  const ctx = useProxy();

  it("each client method lands on its own row through the proxy; the server-only row (E16) is refused", async () => {
    const client = createSaaSLLMClient({ baseUrl: ctx.baseUrl, teamId: DEMO_TEAM_ID });
    const { job_id: job } = await client.createJob({ job_type: "chat" });
    const messages = [{ role: "user" as const, content: "Hi" }];
    const calls: Record<EndpointName, () => Promise<unknown>> = {
      health: () => client.health(),
      createJob: () => client.createJob({ job_type: "chat" }),
      createAndCall: () => client.createAndCall({ model: "chat-fast", messages }),
      streamCreateAndCall: () => client.streamCreateAndCall({ model: "chat-fast", messages }),
      llmCall: () => client.llmCall(job, { model: "chat-fast", messages }),
      streamLLMCall: () => client.streamLLMCall(job, { model: "chat-fast", messages }),
      getJob: () => client.getJob(job),
      updateJobMetadata: () => client.updateJobMetadata(job, { a: 1 }),
      getJobCosts: () => client.getJobCosts(job),
      completeJob: () => client.completeJob(job, { status: "completed" }),
      getTeamUsage: () => client.getTeamUsage(""),
      listTeamJobs: () => client.listTeamJobs(),
      getCreditBalance: () => client.getCreditBalance(),
      getCreditTransactions: () => client.getCreditTransactions(),
      checkCredits: () => client.checkCredits(1),
      getTeamInfo: () => client.getTeamInfo(),
      resolveModelGroup: () => client.resolveModelGroup("chat-fast"),
    };
    for (const call of Object.values(calls)) await call().catch(() => undefined);
    for (const row of ENDPOINT_PATTERNS) {
      const seen = ctx.simulator.requestsTo(row.endpoint);
      if (row.serverOnly) expect(seen, row.endpoint).toHaveLength(0);
      else expect(seen.length, row.endpoint).toBeGreaterThan(0);
      for (const request of seen) expect([request.method, row.pattern.test(request.path)], row.endpoint).toEqual([row.method, true]);
    }
  });
});
