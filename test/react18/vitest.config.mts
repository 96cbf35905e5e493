import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The React tests once more against React 18: a project of the root config, so `vitest run` runs it beside the
// main run (`vitest run --project react18` runs it alone). React 18 lives in this
// folder's own package (a devDependency `file:test/react18`), so react-dom@18 finds react@18 as its peer while
// the root keeps React 19: source and ESM deps reach it through the alias, CommonJS deps through setup.ts.
const react18 = fileURLToPath(new URL("./node_modules/", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    tsconfigPaths: true,
    alias: [{ find: /^(react|react-dom)(\/.*)?$/, replacement: `${react18}$1$2` }],
  },
  test: {
    name: "react18",
    root,
    globals: true,
    environment: "node",
    include: ["test/react/**/*.test.{ts,tsx}", "src/react/**/*.test.{ts,tsx}"],
    // <Activity> is React 19.2+: React 18 has no such component, so that file runs only in the React 19 run.
    exclude: ["test/react/activity.test.tsx", "node_modules/**"],
    setupFiles: ["test/react18/setup.ts", "test/setup.ts"],
    server: { deps: { inline: [/@tanstack\/react-query/, /zustand/] } },
    env: { REACT18_MODULES: react18 },
    testTimeout: 20_000,
  },
});
