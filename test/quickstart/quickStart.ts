/** Helpers for the Quick start test: the README's code, the simulator command, and a runnable copy. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";

// A path, not a URL: under jsdom `URL` is the DOM one, which `fileURLToPath` refuses.
const root = `${resolve(import.meta.dirname, "../..")}/`;
/** Generated files go to the git-ignored test-results/, never next to tracked files. */
export const outDir = `${root}test-results/quickstart/`;
export const repoRoot = root;

/** The first tsx block under "## Quick start" in README.md. */
export function quickStartCode(): string {
  const readme = readFileSync(`${root}README.md`, "utf8");
  const section = readme.slice(readme.indexOf("## Quick start"));
  const match = /```tsx\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error("README has no tsx block under ## Quick start");
  return match[1];
}

/** Type-checks `code` as `App.tsx` with the repo's compiler options (the package names map to src/). */
export function typeErrors(code: string): string[] {
  mkdirSync(outDir, { recursive: true });
  // One file per process: a second test run beside this one never reads this one's half-written copy.
  const file = `${outDir}App.${process.pid}.tsx`;
  writeFileSync(file, code);
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error("cannot read tsconfig.json");
  const program = ts.createProgram([file], { ...config.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** The same code, pointed at `baseUrl` and at the package's source, ready for `import()`. */
export function runnableCopy(code: string, baseUrl: string, name: string): string {
  const file = `${outDir}${name}.${process.pid}.tsx`;
  const pasted = "http://127.0.0.1:4010";
  if (!code.includes(pasted)) throw new Error(`the Quick start no longer uses ${pasted}`);
  writeFileSync(
    file,
    code
      .replace(pasted, baseUrl)
      .replace('"@saas-litellm/react/styles.css"', JSON.stringify(`${root}src/styles.css`))
      .replace('"@saas-litellm/react"', JSON.stringify(`${root}src/index.ts`)),
  );
  return file;
}

/** A running `saas-litellm-simulator` process (the TypeScript source, as `npm run simulator` runs it). */
export interface Command {
  baseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the command with `args` (on a free port unless `port` is given) and waits for its banner. */
export function startCommand(args: string[], port = 0): Promise<Command> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "--port", String(port), "--quiet", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /baseUrl\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ baseUrl: url, output: () => output, stop: () => stop(child) });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the command exited (${code}) before listening:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
