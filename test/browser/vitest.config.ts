import { defineConfig } from "vitest/config";

// Browser tests: a built Storybook (storybook-static) served on 127.0.0.1 and driven by Debian's Chromium.
// Run with `npm run test:browser`; `npm test` never loads this file.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
