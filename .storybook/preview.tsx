import type { Preview } from "@storybook/react-vite";
import "@saas-litellm/react/styles.css";
import { demoLoader, DemoProviders, type Demo } from "../stories/support/demo";
import "../stories/support/stories.css";

const preview: Preview = {
  // One simulator per story, served through MSW (or the real server behind the dev proxy).
  loaders: [demoLoader],
  decorators: [
    (Story, context) => (
      <DemoProviders demo={(context.loaded as { demo: Demo }).demo}>
        <Story />
      </DemoProviders>
    ),
  ],
  parameters: {
    layout: "padded",
    controls: { expanded: true },
    a11y: { test: "error" },
  },
};

export default preview;
