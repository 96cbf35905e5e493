/** Starts the simulator the command line describes and prints what to paste into a client. */
import { createSimulator } from "../testing/createSimulator";
import { startSimulatorServer, type SimulatorServer } from "../testing/server";
import type { Simulator } from "../testing/types";
import type { CliOptions } from "./cliOptions";
import { withLocalCors } from "./localCors";

/** A running command: the server, its simulator and the text it printed first. */
export interface RunningSimulator {
  server: SimulatorServer;
  simulator: Simulator;
  banner: string;
}

/** Builds the simulator, scripts the faults, serves it with local CORS and logs each request to `log`. */
export async function runSimulator(options: CliOptions, log: (line: string) => void): Promise<RunningSimulator> {
  const simulator = createSimulator({
    preset: options.preset,
    tokenDelayMs: options.tokenDelayMs,
    teams: [{ teamId: options.teamId, virtualKey: options.virtualKey, credits: options.credits, status: options.status }],
  });
  for (const { endpoint, fault, times } of options.faults) simulator.script.next(endpoint, fault, { times: times ?? 1 });
  const served = withLocalCors(async (request) => {
    const response = await simulator.fetch(request);
    if (!options.quiet) log(`${request.method} ${new URL(request.url).pathname} -> ${response.status}`);
    return response;
  });
  // The loopback server only calls `fetch`; the rest of the simulator stays as created.
  const server = await startSimulatorServer({ ...simulator, fetch: (input, init) => served(new Request(input, init)) }, { port: options.port, host: options.host });
  const banner = bannerText(server.url, options);
  log(banner);
  return { server, simulator, banner };
}

function bannerText(url: string, options: CliOptions): string {
  const faults = options.faults.length ? `\n  faults      ${options.faults.map((f) => f.endpoint).join(", ")}` : "";
  return [
    `SaaS LiteLLM simulator (${options.preset} preset) is listening.`,
    "",
    `  baseUrl     ${url}`,
    `  teamId      ${options.teamId}`,
    `  virtualKey  ${options.virtualKey}`,
    `  models      chat-fast, chat-claude, chat-gemini`,
    `  team        ${options.status}, ${options.credits} credits${faults}`,
    "",
    `createSaaSLLMClient({ baseUrl: "${url}", teamId: "${options.teamId}", virtualKey: "${options.virtualKey}" })`,
    "Pages on localhost may call it from the browser (CORS). Ctrl+C stops it.",
  ].join("\n");
}
