import { afterEach, beforeEach, vi } from "vitest";

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
