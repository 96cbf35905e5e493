/** Command-line options of `saas-litellm-simulator`, parsed into simulator and server options. */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { EndpointName } from "../core/endpoints";
import { ENDPOINTS } from "../core/endpointRules";
import { DEMO_TEAM_ID, DEMO_VIRTUAL_KEY } from "../testing/constants";
import type { Fault, SimPreset, SimTeamStatus } from "../testing/types";

/** One scripted fault, as written in `--fault` or in a `--faults` JSON file. */
export interface ScriptedFault {
  endpoint: EndpointName | "*";
  fault: Fault;
  times?: number;
}

/** Everything the command needs to start. */
export interface CliOptions {
  port: number;
  host: string;
  preset: SimPreset;
  teamId: string;
  virtualKey: string;
  credits: number;
  status: SimTeamStatus;
  tokenDelayMs: number;
  faults: ScriptedFault[];
  quiet: boolean;
  help: boolean;
}

export const USAGE = `Usage: saas-litellm-simulator [options]

A local SaaS LiteLLM API (in memory) for developing against @saas-litellm/react.

  --port <n>          port to listen on (0: any free port)            default 4010
  --host <h>          interface to bind                              default 127.0.0.1
  --preset <p>        documented | upstream                          default documented
  --team <id>         the team id clients must send                  default ${DEMO_TEAM_ID}
  --key <sk-...>      the virtual key clients must send              default ${DEMO_VIRTUAL_KEY}
  --credits <n>       the team's starting balance                    default 100
  --status <s>        active | suspended | paused                    default active
  --token-delay <ms>  pause between streamed tokens                  default 30
  --fault <e>=<json>  script a fault, e.g. 'streamCreateAndCall={"stream":{"cutAfterChunks":3}}'
  --faults <file>     a JSON array of { "endpoint", "fault", "times"? }
  --quiet             do not log requests
  --help              show this text`;

const PRESETS: SimPreset[] = ["documented", "upstream"];
const STATUSES: SimTeamStatus[] = ["active", "suspended", "paused"];

/** Parses `argv` (without node and the script); throws an Error with a readable message on bad input. */
export function parseCliOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      preset: { type: "string", default: "documented" },
      team: { type: "string", default: DEMO_TEAM_ID },
      key: { type: "string", default: DEMO_VIRTUAL_KEY },
      credits: { type: "string", default: "100" },
      status: { type: "string", default: "active" },
      "token-delay": { type: "string", default: "30" },
      fault: { type: "string", multiple: true, default: [] },
      faults: { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  return {
    port: integer("--port", values.port),
    host: values.host,
    preset: oneOf("--preset", values.preset, PRESETS),
    teamId: values.team,
    virtualKey: values.key,
    credits: integer("--credits", values.credits),
    status: oneOf("--status", values.status, STATUSES),
    tokenDelayMs: integer("--token-delay", values["token-delay"]),
    faults: [...(values.faults ? faultsFile(values.faults) : []), ...values.fault.map(faultFlag)],
    quiet: values.quiet,
    help: values.help,
  };
}

function integer(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number ≥ 0, got "${text}"`);
  return n;
}

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw new Error(`${flag} must be one of ${allowed.join(", ")}, got "${text}"`);
  return text as T;
}

function faultFlag(text: string): ScriptedFault {
  const at = text.indexOf("=");
  if (at <= 0) throw new Error(`--fault must look like <endpoint>=<json>, got "${text}"`);
  return checkFault({ endpoint: text.slice(0, at), fault: parseJson("--fault", text.slice(at + 1)) });
}

function faultsFile(path: string): ScriptedFault[] {
  const list = parseJson(`--faults ${path}`, readFileSync(path, "utf8"));
  if (!Array.isArray(list)) throw new Error(`--faults ${path} must hold a JSON array`);
  return list.map(checkFault);
}

function parseJson(where: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

function checkFault(entry: unknown): ScriptedFault {
  const e = entry as Partial<ScriptedFault> | null;
  if (!e || typeof e.endpoint !== "string" || typeof e.fault !== "object" || e.fault === null) {
    throw new Error(`a fault needs an "endpoint" name and a "fault" object, got ${JSON.stringify(entry)}`);
  }
  if (e.endpoint !== "*" && !(e.endpoint in ENDPOINTS)) {
    throw new Error(`unknown endpoint "${e.endpoint}"; use one of *, ${Object.keys(ENDPOINTS).join(", ")}`);
  }
  return e as ScriptedFault;
}
