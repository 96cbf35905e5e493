import { describe, expect, it } from "vitest";
import { bundleApp } from "./appBundle";

// Strings only the devtools contain: its class prefix and its title.
const MARKERS = ["slm-devtools", "SaaS LiteLLM devtools"];

/** The code of a tiny app's production bundle, every chunk (the panel is a lazy chunk). */
async function bundle(app: string): Promise<string> {
  const result = await bundleApp(app, {
    splitting: true,
    outdir: "out",
    alias: { "@saas-litellm/react": "./src/index.ts", "@saas-litellm/react/devtools": "./src/devtools/index.ts" },
  });
  return (result.outputFiles ?? []).map((f) => f.text).join("\n");
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
