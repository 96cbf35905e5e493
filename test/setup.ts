import { configure } from "@testing-library/dom";
import { afterEach, beforeEach, vi } from "vitest";

// waitFor/findBy wait for real HTTP I/O to the loopback simulator: on a loaded 2-core machine that can take longer
// than Testing Library's 1 s default. A longer bound never lets a wrong result pass (waitFor only waits for its
// assertion to hold); it only stops a slow machine from failing a right one. Nothing is proved by waiting it out.
configure({ asyncUtilTimeout: 10_000 });

// Like vitest-fail-on-console: an unexpected console.error or console.warn fails the test that caused it.
// A test that expects one replaces the spy with its own `vi.spyOn(console, "error").mockImplementation(...)`.
let calls: string[] = [];
beforeEach(() => {
  calls = [];
  for (const method of ["error", "warn"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${method}: ${args.map(String).join(" ")}`);
    });
  }
});
afterEach(() => {
  const seen = calls;
  calls = [];
  vi.restoreAllMocks();
  if (seen.length) throw new Error(`Unexpected console output:\n${seen.join("\n")}`);
});
