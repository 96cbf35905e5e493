import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/react-vite";
import { mergeConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Real server mode: with both set, the dev server proxies /llm to the server and adds the key on the
// server side. The browser bundle only learns the proxy prefix, never the key.
const realUrl = process.env.SAAS_LLM_URL;
const realKey = process.env.SAAS_LLM_KEY;
const realTeam = process.env.SAAS_LLM_TEAM ?? "";
const real = Boolean(realUrl && realKey);

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: { builder: { viteConfigPath: here("./vite.config.ts") } } },
  stories: ["../stories/**/*.mdx", "../stories/**/*.stories.tsx"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y"],
  // mockServiceWorker.js (from `npx msw init .storybook/public`): MSW serves the simulator in the browser.
  staticDirs: ["./public"],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // react-docgen-typescript reads the props from the TypeScript types (unions, imported interfaces, TSDoc), so
  // each docs page lists the component's real props; react-docgen saw only what a file declared itself.
  typescript: {
    reactDocgen: "react-docgen-typescript",
    reactDocgenTypescriptOptions: {
      tsconfigPath: here("../tsconfig.json"),
      include: ["src/react/**/*.tsx", "src/devtools/**/*.tsx", "stories/**/*.tsx"],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // React's own DOM props would bury ours.
      propFilter: (prop) => !prop.parent?.fileName.includes("node_modules"),
    },
  },
  async viteFinal(base) {
    return mergeConfig(base, {
      resolve: {
        // The stories import the package by its public names, exactly as an app would.
        alias: [
          { find: /^@saas-litellm\/react$/, replacement: here("../src/index.ts") },
          { find: /^@saas-litellm\/react\/testing$/, replacement: here("../src/testing/index.ts") },
          { find: /^@saas-litellm\/react\/testing\/msw$/, replacement: here("../src/testing/mswEntry.ts") },
          { find: /^@saas-litellm\/react\/devtools$/, replacement: here("../src/devtools/index.ts") },
          { find: /^@saas-litellm\/react\/styles\.css$/, replacement: here("../src/styles.css") },
        ],
      },
      define: {
        __SAAS_LLM_REAL__: JSON.stringify(real),
        __SAAS_LLM_TEAM__: JSON.stringify(realTeam),
      },
      server: real
        ? {
            proxy: {
              "/llm": {
                target: realUrl,
                changeOrigin: true,
                rewrite: (path: string) => path.replace(/^\/llm/, ""),
                // The key is added here, in Node: it never reaches the browser.
                headers: { Authorization: `Bearer ${realKey}` },
              },
            },
          }
        : {},
    });
  },
};

export default config;
