import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "examples/*/.next/**", "examples/*/next-env.d.ts", "storybook-static/**", "bench/results/**", "test-results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The React Compiler's rules (eslint-plugin-react-hooks 7 "recommended-latest"), all as errors, for the React
    // layer's code and the stories: no ref reads or writes in render, pure renders, no mutation of props, state or hook results.
    // Tests are left out (test components hand values to the test through module variables on purpose).
    files: ["src/react/**", "stories/**"],
    ignores: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: Object.fromEntries(Object.keys(reactHooks.configs.flat["recommended-latest"].rules).map((rule) => [rule, "error"])),
  },
  {
    // The core runs in browsers, Node and workers: it must never depend on React.
    // Its tests may use the simulator (src/testing), never React.
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["react", "react-dom", "react/*", "react-dom/*", "@tanstack/react-query", "zustand", "zustand/*", "**/react/*"], message: "src/core is framework-free: no React, react-query or zustand here." },
      ] }],
    },
  },
  {
    files: ["src/core/**"],
    ignores: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["react", "react-dom", "react/*", "react-dom/*", "@tanstack/react-query", "zustand", "zustand/*", "**/react/*"], message: "src/core is framework-free: no React, react-query or zustand here." },
        { group: ["**/testing/*", "**/server/*", "**/devtools/*"], message: "src/core imports nothing from the simulator, the proxy or the devtools." },
      ] }],
    },
  },
  {
    files: ["src/**"],
    ignores: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
);
