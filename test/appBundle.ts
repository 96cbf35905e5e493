import { build, type BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** What an app's bundler keeps out of ours: the peers and our runtime dependencies. */
const external = ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query", "zustand", "zustand/vanilla", "eventsource-parser"];

/**
 * Bundles a tiny app entry (`contents`, resolved from the repo root) the way an app's production build
 * would: ESM, minified, tree-shaken, peers external. `extra` adds what one test needs (metafile, splitting).
 */
export function bundleApp(contents: string, extra: BuildOptions = {}) {
  return build({
    stdin: { contents, resolveDir: root, loader: "tsx" },
    bundle: true,
    write: false,
    format: "esm",
    minify: true,
    jsx: "automatic",
    external,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
    ...extra,
  });
}
