import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The `Register` augmentation is global to a program, so the registering app is its own project, compiled here.
const project = fileURLToPath(new URL("./registered/tsconfig.json", import.meta.url));
const app = fileURLToPath(new URL("./registered/app.tsx", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** `line → message` for each line of the app marked `// error: …` or `{/* error: … *\/}`. */
function expectedErrors(): Map<number, string> {
  const marked = readFileSync(app, "utf8")
    .split("\n")
    .map((text, i) => [i + 1, /(?:\/\/|\{\/\*) error: (.+?)(?: \*\/\})?$/.exec(text)?.[1]] as const);
  return new Map(marked.filter((entry): entry is readonly [number, string] => entry[1] !== undefined));
}

/** `line → messages` tsc reports for the app. */
function compilerErrors(): Map<number, string> {
  const { status, stdout, stderr } = spawnSync(process.execPath, [tsc, "--noEmit", "--pretty", "false", "-p", project], { encoding: "utf8" });
  expect({ status, stderr }).toEqual({ status: 2, stderr: "" });
  const errors = new Map<number, string>();
  for (const match of stdout.matchAll(/app\.tsx\((\d+),\d+\): error (TS\d+: .*(?:\n {2}.*)*)/g)) {
    const line = Number(match[1]);
    errors.set(line, `${errors.get(line) ?? ""}${match[2]}`);
  }
  return errors;
}

describe("Register: an app that registers a client composed without modules", () => {
  it("does not compile where a hook or component calls a module the client lacks, and the error names the module", () => {
    const expected = expectedErrors();
    const actual = compilerErrors();
    expect(expected.size).toBe(5);
    // Every other line compiles: the provider, the devtools, useLLMCall, useJob and the job methods.
    expect([...actual.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const [line, message] of expected) expect(actual.get(line), `line ${line}`).toContain(message);
  }, 120_000);
});
