/**
 * `npm test`: typecheck, lint, then `vitest run` (both projects: React 19 and React 18). Every step runs even
 * when one before it failed, so one failure never hides another; a summary of the steps closes the output and
 * the exit code is 1 when any step failed. Arguments go to vitest: `npm test -- --reporter=dot`.
 */
import { spawn } from "node:child_process";

interface Step {
  name: string;
  command: string[];
}

interface Outcome {
  name: string;
  code: number;
  seconds: number;
}

const steps: Step[] = [
  { name: "typecheck", command: ["npm", "run", "--silent", "typecheck"] },
  { name: "lint", command: ["npm", "run", "--silent", "lint"] },
  { name: "vitest run (React 19 + React 18)", command: ["npx", "vitest", "run", ...process.argv.slice(2)] },
];

function run({ name, command }: Step): Promise<Outcome> {
  const started = performance.now();
  console.log(`\n== ${name}: ${command.join(" ")}`);
  return new Promise((resolve) => {
    const [bin = "npm", ...args] = command;
    const child = spawn(bin, args, { stdio: "inherit" });
    const done = (code: number) => resolve({ name, code, seconds: (performance.now() - started) / 1000 });
    child.on("error", () => done(127));
    child.on("exit", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

const outcomes: Outcome[] = [];
for (const step of steps) outcomes.push(await run(step));

const width = Math.max(...outcomes.map((o) => o.name.length));
console.log("\n== npm test summary");
for (const { name, code, seconds } of outcomes) {
  const verdict = code === 0 ? "ok  " : "FAIL";
  console.log(`  ${verdict}  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s${code === 0 ? "" : `  (exit ${code})`}`);
}
const failed = outcomes.filter((o) => o.code !== 0).length;
console.log(failed ? `== ${failed} of ${outcomes.length} steps failed` : `== all ${outcomes.length} steps passed`);
process.exitCode = failed ? 1 : 0;
