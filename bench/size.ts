/**
 * `npm run size:report`: min+gzip and min+brotli of each bundle a user would ship, with the largest
 * inputs from esbuild's metafile. Peers (react, react-dom, react-query) and zustand are external, as in
 * an app that already has them; eventsource-parser is bundled and counts as ours.
 * The CI budgets live in .size-limit.json (`npm run size`); this script explains the numbers. Its "Goal"
 * column holds issue 16's targets for the two modular app paths, which the current code misses (README
 * Performance): a miss lists that path by folder and exits 1.
 */
import type { Metafile } from "esbuild";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { bundleForSize, PEERS } from "./sizeBundle";


interface Target {
  name: string;
  contents: string;
  external: string[];
  /** Issue 16's goal for this path, min+brotli bytes. */
  goalBrotli?: number;
}

const TARGETS: Target[] = [
  { name: "`@saas-litellm/react` (whole entry)", contents: 'export * from "./src/index.ts";', external: PEERS },
  { name: "`useChatStream` alone", contents: 'export { useChatStream } from "./src/react/useChatStream.ts";', external: PEERS },
  // What an app needs to stream at all: the hook only reads the client from context.
  {
    name: "streaming path: `createSaaSLLMClient` + `SaaSLLMProvider` + `useChatStream`",
    contents: 'export { createSaaSLLMClient, SaaSLLMProvider, useChatStream } from "./src/index.ts";',
    external: PEERS,
  },
  {
    name: "`useLLMCall` path: `createSaaSLLMClient` + `SaaSLLMProvider` + `useLLMCall`",
    contents: 'export { createSaaSLLMClient, SaaSLLMProvider, useLLMCall } from "./src/index.ts";',
    external: PEERS,
  },
  {
    name: "modular streaming path: `composeSaaSLLMClient` + `streamMethods` + `SaaSLLMProvider` + `useChatStream`",
    contents: 'export { composeSaaSLLMClient, streamMethods, SaaSLLMProvider, useChatStream } from "./src/index.ts";',
    external: PEERS,
    goalBrotli: 6000,
  },
  {
    name: "modular `useLLMCall` path: `composeSaaSLLMClient` + `SaaSLLMProvider` + `useLLMCall`",
    contents: 'export { composeSaaSLLMClient, SaaSLLMProvider, useLLMCall } from "./src/index.ts";',
    external: PEERS,
    goalBrotli: 5000,
  },
  { name: "`/testing` (simulator, dev only)", contents: 'export * from "./src/testing/index.ts";', external: [...PEERS, "msw", "msw/*", "node:*", "@remix-run/*"] },
  { name: "`/testing/msw` (dev only)", contents: 'export * from "./src/testing/mswEntry.ts";', external: [...PEERS, "msw", "msw/*", "node:*", "@remix-run/*"] },
  { name: "AI SDK `useChat` (@ai-sdk/react 3, ai 6)", contents: 'export { useChat } from "@ai-sdk/react";', external: ["react", "react-dom", "react/*", "react-dom/*"] },
];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

async function measure(target: Target) {
  const { code, metafile } = await bundleForSize(target.contents, target.external);
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    largest: largestInputs(metafile),
    folders: byFolder(metafile),
  };
}

/** Minified bytes each input contributes to the output, largest first. */
function largestInputs(meta: Metafile, count = 6): string {
  const output = Object.values(meta.outputs)[0];
  if (!output) return "";
  return Object.entries(output.inputs)
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, count)
    .map(([path, { bytesInOutput }]) => `${path.replace(/^.*node_modules\//, "")} ${(bytesInOutput / 1000).toFixed(1)}`)
    .join(", ");
}

/** Minified bytes per source folder (src/core, src/react/errors, a package ...): where a budget goes. */
function byFolder(meta: Metafile): string {
  const totals = new Map<string, number>();
  for (const output of Object.values(meta.outputs))
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const folder = path.includes("node_modules/") ? (path.split("node_modules/").pop()?.split("/")[0] ?? path) : path.split("/").slice(0, -1).join("/");
      totals.set(folder, (totals.get(folder) ?? 0) + bytesInOutput);
    }
  return [...totals].sort((a, b) => b[1] - a[1]).map(([folder, bytes]) => `${folder} ${(bytes / 1000).toFixed(1)}`).join(", ");
}

const rows = ["| Bundle | min | min+gzip | min+brotli | Goal (brotli) | Largest inputs (min kB) |", "|---|--:|--:|--:|--:|---|"];
const folders: string[] = [];
let over = false;
for (const target of TARGETS) {
  const m = await measure(target);
  const missed = target.goalBrotli !== undefined && m.brotli > target.goalBrotli;
  const goal = target.goalBrotli === undefined ? "–" : `${kB(target.goalBrotli)} ${missed ? "**missed**" : "met"}`;
  over ||= missed;
  if (missed) folders.push(`- ${target.name} by folder (min kB): ${m.folders}`);
  rows.push(`| ${target.name} | ${kB(m.min)} | ${kB(m.gzip)} | ${kB(m.brotli)} | ${goal} | ${m.largest} |`);
}
const report = `${rows.join("\n")}\n${folders.length ? `\n${folders.join("\n")}\n` : ""}\nProduced by \`npm run size:report -- --write\` (esbuild, minified, ESM, browser; react, react-dom, @tanstack/react-query and zustand external; 1 kB = 1000 B).`;
console.log(report);
// The tracked report is rewritten only when asked: `npm run size:report -- --write`.
if (process.argv.includes("--write")) await writeFile(fileURLToPath(new URL("./results/size.md", import.meta.url)), `# Bundle size\n\n${report}\n`);
if (over) process.exitCode = 1;
