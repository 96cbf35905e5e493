import type { Preview } from "@storybook/react-vite";
import "@saas-litellm/react/styles.css";
import { demoLoader, DemoProviders, type Demo } from "../stories/support/demo";
import "../stories/support/stories.css";

type Theme = "light" | "dark";

/** The toolbar's Theme: `data-theme` and `color-scheme` on <html>, which the package's styles and the demo CSS follow. */
function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

const preview: Preview = {
  // One simulator per story, served through MSW (or the real server behind the dev proxy).
  loaders: [demoLoader],
  globalTypes: {
    theme: {
      description: "Light or dark theme for the components and the demo",
      toolbar: { title: "Theme", icon: "mirror", items: [{ value: "light", title: "Light", icon: "sun" }, { value: "dark", title: "Dark", icon: "moon" }], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: "light" },
  decorators: [
    (Story, context) => {
      applyTheme(context.globals.theme === "dark" ? "dark" : "light");
      return (
        <DemoProviders demo={(context.loaded as { demo: Demo }).demo}>
          <Story />
        </DemoProviders>
      );
    },
  ],
  parameters: {
    layout: "padded",
    controls: { expanded: true },
    a11y: { test: "error" },
  },
};

export default preview;
