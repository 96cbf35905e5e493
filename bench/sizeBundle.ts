import { build, type Metafile } from "esbuild";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
/** What an app brings itself: never counted in our size. */
export const PEERS = ["react", "react-dom", "react/*", "react-dom/*", "@tanstack/react-query", "zustand", "zustand/*"];

/** One app path bundled as an app bundler ships it (minified ESM for browsers, production React), with its metafile. */
export async function bundleForSize(contents: string, external: string[] = PEERS): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    external,
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  return { code: result.outputFiles[0]?.contents ?? new Uint8Array(), metafile: result.metafile };
}
