// `npm run example:next` (from the repo root): packs the package, installs it here, starts the simulator
// on 127.0.0.1:4010 and `next dev` on http://localhost:3000. Without SAAS_LLM_URL the route talks to the simulator.
import { execSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import process from "node:process";

const run = (command, cwd = ".") => execSync(command, { cwd, stdio: "inherit" });
run("npm run build && npm pack --pack-destination examples/next-app-router", "../..");
const tarball = readdirSync(".").find((f) => f.startsWith("saas-litellm-react-") && f.endsWith(".tgz"));
// A packed copy, not a link: a link would give Next a second React from the repo's own node_modules.
run(`npm install --no-save --no-audit --no-fund ./${tarball}`);
if (!existsSync("node_modules/next")) throw new Error("npm install did not install next");

const children = [];
// The binaries themselves, not `npx`: npx does not pass Ctrl+C's SIGTERM on to them.
if (!process.env.SAAS_LLM_URL) children.push(spawn("node_modules/.bin/saas-litellm-simulator", ["--quiet"], { stdio: "inherit" }));
children.push(spawn("node_modules/.bin/next", ["dev", "--port", process.env.PORT ?? "3000"], { stdio: "inherit" }));
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
