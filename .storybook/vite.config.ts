import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Storybook's own Vite config: the package's vite.config.ts builds the library (lib mode, d.ts), which
// Storybook must not run. Aliases and the real-server proxy are added in main.ts (viteFinal).
export default defineConfig({ plugins: [react()] });
