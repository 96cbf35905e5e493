import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseCliOptions } from "./cliOptions";
import { runSimulator, type RunningSimulator } from "./runSimulator";

describe("parseCliOptions", () => {
  it("defaults to the demo team on port 4010", () => {
    expect(parseCliOptions([])).toMatchObject({ port: 4010, host: "127.0.0.1", preset: "documented", teamId: "team-demo", virtualKey: "sk-sim-demo-0123456789abcdef", credits: 100, status: "active", faults: [] });
  });

  it("reads faults from flags and from a JSON file, file first", () => {
    const file = join(mkdtempSync(join(tmpdir(), "sim-")), "faults.json");
    writeFileSync(file, JSON.stringify([{ endpoint: "createJob", fault: { status: 503 }, times: 2 }]));
    const options = parseCliOptions(["--faults", file, "--fault", 'streamCreateAndCall={"stream":{"cutAfterChunks":3}}']);
    expect(options.faults).toEqual([
      { endpoint: "createJob", fault: { status: 503 }, times: 2 },
      { endpoint: "streamCreateAndCall", fault: { stream: { cutAfterChunks: 3 } } },
    ]);
  });

  it.each([
    [["--port", "1.5"], /--port must be a whole number/],
    [["--preset", "live-ish"], /--preset must be one of documented, upstream/],
    [["--fault", "nope={}"], /unknown endpoint "nope"/],
    [["--fault", "createJob={oops"], /--fault: not valid JSON/],
    [["--colour"], /Unknown option/],
  ])("refuses %j with a readable message", (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(message);
  });
});

describe("runSimulator", () => {
  let running: RunningSimulator | undefined;
  afterEach(() => running?.server.close());
  const start = async (argv: string[]) => {
    const lines: string[] = [];
    running = await runSimulator(parseCliOptions(["--port", "0", ...argv]), (line) => lines.push(line));
    return { url: running.server.url, lines };
  };

  it("serves the given team and key, scripts the faults, and logs each request", async () => {
    const { url, lines } = await start(["--team", "acme", "--key", "sk-acme-123456", "--credits", "7", "--fault", 'getCreditBalance={"status":503}']);
    const get = () => fetch(`${url}/api/credits/teams/acme/balance`, { headers: { authorization: "Bearer sk-acme-123456" } });
    expect((await get()).status).toBe(503);
    expect(await (await get()).json()).toMatchObject({ team_id: "acme", credits_remaining: 7 });
    expect(lines[0]).toMatch(/teamId\s+acme/);
    expect(lines.slice(1)).toEqual(["GET /api/credits/teams/acme/balance -> 503", "GET /api/credits/teams/acme/balance -> 200"]);
  });

  it("allows CORS (preflight and response) for localhost pages only", async () => {
    const { url } = await start(["--quiet"]);
    const preflight = (origin: string) =>
      fetch(`${url}/api/jobs/create`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" } });
    const local = await preflight("http://localhost:5173");
    expect(local.status).toBe(204);
    expect(local.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(local.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    const health = await fetch(`${url}/health`, { headers: { origin: "http://127.0.0.1:3000" } });
    expect(health.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
  });
});
