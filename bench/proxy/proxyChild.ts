/**
 * The proxy under test, alone in its own process (so its RSS, heap and sockets are its own): the packed
 * entry points' sources behind `toNodeHandler`, upstream from `UPSTREAM_URL`. Prints its port, then answers
 * `"stats"` messages over IPC.
 */
import { readdirSync, readlinkSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createSaaSLLMProxy } from "@saas-litellm/react/server";
import { toNodeHandler } from "@saas-litellm/react/server/node";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "@saas-litellm/react/testing";

export interface ProxyStats {
  rssMB: number;
  heapMB: number;
  /** Connections the proxy's server holds (browsers' side). */
  inbound: number;
  /** Open sockets of the process (Linux `/proc/self/fd`): inbound, the upstream pool, the listener and IPC. */
  sockets: number;
}

const proxy = createSaaSLLMProxy({ upstreamUrl: process.env.UPSTREAM_URL!, getVirtualKey: () => ({ virtualKey: DEMO_VIRTUAL_KEY, teamId: DEMO_TEAM_ID }) });
const server = createServer(toNodeHandler(proxy));
server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));

process.on("message", (message) => {
  if (message !== "stats") return;
  (globalThis as { gc?: () => void }).gc?.();
  server.getConnections((_error, inbound) => {
    const { rss, heapUsed } = process.memoryUsage();
    const stats: ProxyStats = { rssMB: rss / 2 ** 20, heapMB: heapUsed / 2 ** 20, inbound, sockets: openSockets() };
    process.send!(stats);
  });
});
process.on("disconnect", () => process.exit(0));

function openSockets(): number {
  try {
    return readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith("socket:");
      } catch {
        return false;
      }
    }).length;
  } catch {
    return NaN;
  }
}
