import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const external = ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query", "zustand", "zustand/vanilla", "eventsource-parser"];
// Strings only the devtools contain: its class prefix and its title.
const MARKERS = ["slm-devtools", "SaaS LiteLLM devtools"];

/** Bundles a tiny app entry the way an app's production build would (ESM, minified, tree-shaken). */
async function bundle(app: string): Promise<string> {
  const result = await build({
    stdin: { contents: app, resolveDir: root, loader: "tsx" },
    bundle: true,
    write: false,
    format: "esm",
    minify: true,
    splitting: true,
    outdir: "out",
    jsx: "automatic",
    external,
    alias: { "@saas-litellm/react": "./src/index.ts", "@saas-litellm/react/devtools": "./src/devtools/index.ts" },
    logLevel: "silent",
  });
  return result.outputFiles.map((f) => f.text).join("\n");
}

describe("the devtools stay out of apps that do not import them", () => {
  it("an app using the whole main entry (every export kept) contains none of the devtools code", async () => {
    const code = await bundle(`import * as all from "@saas-litellm/react"; globalThis.keep = all;`);
    expect(code).toContain("createSaaSLLMClient");
    for (const marker of MARKERS) expect(code).not.toContain(marker);
  });

  it("an app that imports the subpath does contain it (the check above can fail)", async () => {
    const code = await bundle(`import { SaaSLLMDevtools } from "@saas-litellm/react/devtools"; globalThis.keep = SaaSLLMDevtools;`);
    for (const marker of MARKERS) expect(code).toContain(marker);
  });
});
