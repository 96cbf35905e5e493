// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ErrorBanner, isSaaSLLMError, toErrorState, type ClientEvent, type EndpointName } from "../../src/index";
import type { Fault } from "../../src/testing/index";
import { ENDPOINT_CALLS } from "./matrix";
import { LEAKY_DETAILS, directClient, findSecrets, makeSimulator, recordFigures } from "./kit";

// Secrets in provider error texts (sk-… keys, ?key=… URLs, the virtual key itself) must never reach an
// error message, detail, serialization, event, console line or rendered banner.
const consoleLines: string[] = [];
beforeEach(() => {
  for (const m of ["log", "info", "debug"] as const) {
    const original = console[m].bind(console);
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map(String).join(" "));
      original(...args);
    });
  }
});

let scanned = 0;
const leaks: string[] = [];
const scan = (where: string, text: string) => {
  scanned++;
  const found = findSecrets(text);
  if (found.length) leaks.push(`${where}: ${found.join(", ")} in ${text.slice(0, 200)}`);
};

const FAULTS: Array<[string, Fault]> = LEAKY_DETAILS.flatMap((detail, i): Array<[string, Fault]> => [
  [`500 detail #${i}`, { status: 500, detail }],
  [`403 detail #${i}`, { status: 403, detail }],
  [`401 detail #${i}`, { status: 401, detail }],
  [`502 text #${i}`, { status: 502, body: detail, contentType: "text/plain" }],
  [`stream errorEvent #${i}`, { stream: { errorEvent: detail, errorAfterChunks: 2 } }],
  [`stream errorEvent object #${i}`, { stream: { errorEvent: { message: detail, type: "provider_error" } } }],
]);

describe("secrets never leak", () => {
  it.each(FAULTS)("%s: every endpoint, every surface", async (_name, fault) => {
    const endpoints = ("stream" in fault ? ["streamCreateAndCall", "streamLLMCall"] : Object.keys(ENDPOINT_CALLS)) as EndpointName[];
    for (const endpoint of endpoints) {
      const sim = makeSimulator({ preset: "upstream", brokenLlmCallStream: false });
      const events: ClientEvent[] = [];
      const client = directClient(sim, { retry: { delay: () => 0 }, onEvent: (e) => events.push(e) });
      const { job_id } = await client.createJob({ job_type: "secrets" });
      sim.script.next(endpoint, fault, { times: 8 });
      const error = await ENDPOINT_CALLS[endpoint](client, job_id).then(() => null, (e: unknown) => e);
      expect(isSaaSLLMError(error)).toBe(true);
      if (!isSaaSLLMError(error)) continue;
      const where = `${_name} ${endpoint}`;
      scan(`${where} message`, error.message);
      scan(`${where} detail`, error.detail);
      scan(`${where} toString`, String(error));
      scan(`${where} JSON`, JSON.stringify(error));
      scan(`${where} state`, JSON.stringify({ ...toErrorState(error), error: undefined }));
      scan(`${where} events`, JSON.stringify(events));
      render(<ErrorBanner error={error} onRetry={() => undefined} />);
      scan(`${where} banner`, document.body.textContent ?? "");
      cleanup();
    }
  });

  afterAll(() => {
    scan("console", consoleLines.join("\n"));
    recordFigures("6-secrets", { section: "Secrets (messages, details, JSON, events, console, banners)", cases: scanned, failures: leaks.length, leaks: leaks.length });
    expect(leaks).toEqual([]);
  });
});
