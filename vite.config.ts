import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import dts from "vite-plugin-dts";

// Library build: ESM only, peers and runtime deps stay external, one rolled-up .d.ts per entry.
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^zustand($|\/)/, /^eventsource-parser($|\/)/, /^msw($|\/)/, /^node:/];

export default defineConfig({
  plugins: [react(), dts({ tsconfigPath: "./tsconfig.build.json", rollupTypes: true })],
  build: {
    target: "es2022",
    minify: false,
    sourcemap: true,
    lib: {
      entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
      formats: ["es"],
    },
    rollupOptions: { external },
  },
  test: {
    globals: true,
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    exclude: ["test/browser/**", "node_modules/**"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 20_000,
  },
});
