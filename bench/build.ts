import { build } from "esbuild";
import { fileURLToPath } from "node:url";

export const CONTENDER_FILES = ["floor.ts", "ours.tsx", "aiSdk.tsx", "naive.tsx"] as const;
// Under node_modules/.cache: out of git and lint, and bare imports (happy-dom) still resolve from the repo.
export const outDir = fileURLToPath(new URL("../node_modules/.cache/saas-llm-bench/", import.meta.url));

/**
 * One bundle per contender, so each child loads only its own code. NODE_ENV is defined as production
 * at build time: React's production build (with profiling, see below), as an app bundler would ship it.
 */
export async function buildContenders(): Promise<void> {
  await build({
    entryPoints: CONTENDER_FILES.map((file) => fileURLToPath(new URL(`./contenders/${file}`, import.meta.url))),
    outdir: outDir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    // Maps let bench/profile attribute samples to source files; Node ignores them unless asked.
    sourcemap: true,
    define: { "process.env.NODE_ENV": '"production"' },
    // Production React drops <Profiler> callbacks; its profiling build is the production build with them kept.
    alias: { "react-dom/client": "react-dom/profiling" },
    // The package's `sideEffects` list would let esbuild drop `import "../dom"`, which must run first.
    ignoreAnnotations: true,
    // The DOM is the environment, not a contender: load it from node_modules as is.
    external: ["happy-dom"],
    // CommonJS packages inside an ESM bundle still call require() for Node built-ins.
    banner: { js: 'import { createRequire as __benchRequire } from "node:module"; const require = __benchRequire(import.meta.url);' },
    logLevel: "warning",
  });
}
