import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import dts from "vite-plugin-dts";
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

// The optional stylesheet ships as-is next to the JS (`@saas-litellm/react/styles.css`).
const copyStyles = (): Plugin => ({
  name: "copy-styles",
  generateBundle() {
    this.emitFile({ type: "asset", fileName: "styles.css", source: readFileSync("src/styles.css", "utf8") });
  },
});

// Library build: ESM only, peers and runtime deps stay external, one rolled-up .d.ts per entry.
// @remix-run/node-fetch-server is bundled into the Node-only entries, so hooks-only installs never get it.
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^zustand($|\/)/, /^eventsource-parser($|\/)/, /^msw($|\/)/, /^node:/];

export default defineConfig({
  plugins: [react(), copyStyles(), dts({ tsconfigPath: "./tsconfig.build.json", rollupTypes: true })],
  build: {
    target: "es2022",
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: "src/index.ts",
        core: "src/core.ts",
        testing: "src/testing/index.ts",
        "testing-msw": "src/testing/mswEntry.ts",
        "testing-node": "src/testing/node.ts",
        server: "src/server/index.ts",
        "server-node": "src/server/node.ts",
        cli: "src/cli/main.ts",
        devtools: "src/devtools/index.ts",
      },
      formats: ["es"],
    },
    rollupOptions: { external, output: { chunkFileNames: "shared-[hash].js" } },
  },
  // Tests of examples import the package by its public names (tsconfig "paths" point them at src/).
  resolve: { tsconfigPaths: true },
  // `vitest run` runs both projects: the whole suite on the root's React 19, and the React tests once more on
  // React 18 (test/react18/vitest.config.mts). `npm test` (scripts/test-all.ts) adds typecheck and lint.
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "react19",
          globals: true,
          environment: "node",
          include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
          exclude: ["test/browser/**", "node_modules/**"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 20_000,
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts", "src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      "test/react18/vitest.config.mts",
    ],
  },
});
