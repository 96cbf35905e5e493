import { build, type Plugin } from "esbuild";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Contender } from "../scenarios";

const outDir = fileURLToPath(new URL("../../node_modules/.cache/saas-llm-bench/browser/", import.meta.url));

// The contenders are the Node bench's own files; only their environment changes: `../dom` and `../harness`
// resolve to this folder's page versions.
const pageEnvironment: Plugin = {
  name: "page-environment",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/(dom|harness)$/ }, (args) =>
      args.importer.includes("/bench/contenders/") ? { path: fileURLToPath(new URL(`./${args.path.slice(3)}.ts`, import.meta.url)) } : undefined,
    );
  },
};

/** One IIFE per contender file for the browser, with React's profiling build (for `<Profiler>` commits), minified as an app would ship. */
export async function buildPageBundles(files: Contender["file"][]): Promise<Map<Contender["file"], string>> {
  await build({
    entryPoints: files.map((file) => fileURLToPath(new URL(`../contenders/${file}.tsx`.replace("floor.tsx", "floor.ts"), import.meta.url))),
    outdir: outDir,
    bundle: true,
    minify: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: { "react-dom/client": "react-dom/profiling" },
    ignoreAnnotations: true,
    plugins: [pageEnvironment],
    logLevel: "warning",
  });
  const bundles = new Map<Contender["file"], string>();
  for (const file of files) bundles.set(file, await readFile(`${outDir}${file}.js`, "utf8"));
  return bundles;
}
