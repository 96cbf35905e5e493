/** Builds a fresh Vite + React app, like `npm create vite -- --template react-ts`, against the built package. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { build, createLogger } from "vite";
import { outDir, repoRoot } from "../quickstart/quickStart";

export const MAIN = `import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App.tsx";

createRoot(document.getElementById("root")!).render(<StrictMode><App /></StrictMode>);
`;

/**
 * Builds `App.tsx` (as given) into `dist/` of a new app folder; returns that folder and Vite's warnings.
 * `files` adds more files under `src/` (e.g. the starter's `index.css`, imported by a custom `main`).
 */
export async function buildFreshApp(name: string, app: string, main = MAIN, files: Record<string, string> = {}): Promise<{ dist: string; warnings: string[] }> {
  const root = `${outDir}${name}/`;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(`${root}src`, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(`${root}src/${file}`, text);
  writeFileSync(`${root}index.html`, '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>app</title></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>');
  writeFileSync(`${root}src/main.tsx`, main);
  writeFileSync(`${root}src/App.tsx`, app);
  const warnings: string[] = [];
  const logger = createLogger("warn");
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = (message) => void warnings.push(message);
  await build({
    root,
    configFile: false,
    customLogger: logger,
    plugins: [react()],
    // The package as an app installs it: its built files (npm run build), by their public names.
    resolve: {
      alias: [
        { find: /^@saas-litellm\/react\/styles\.css$/, replacement: `${repoRoot}dist/styles.css` },
        { find: /^@saas-litellm\/react\/testing\/msw$/, replacement: `${repoRoot}dist/testing-msw.js` },
        { find: /^@saas-litellm\/react\/testing$/, replacement: `${repoRoot}dist/testing.js` },
        { find: /^@saas-litellm\/react$/, replacement: `${repoRoot}dist/index.js` },
      ],
    },
    build: {
      outDir: `${root}dist`,
      emptyOutDir: true,
      minify: false,
      // Bundler warnings (such as a Node built-in externalized for the browser) do not all reach the logger.
      rollupOptions: { onwarn: (warning) => void warnings.push(warning.message) },
    },
  });
  return { dist: `${root}dist`, warnings };
}
