import type { ChatStreamOptions, UseJobOptions, UseLLMCallOptions } from "@saas-litellm/react";

// Hooks have no props, but their options are one object: these stand-ins give each hook page a props table
// (and controls) read from the options' TypeScript type and TSDoc, as a component page gets from its props.
// They render nothing; each story renders its demo with the options from the controls.

/** The options of `useChatStream(options)`. */
export function UseChatStreamOptions(options: ChatStreamOptions): null {
  void options;
  return null;
}

/** The options of `useLLMCall(options)`. */
export function UseLLMCallOptions(options: UseLLMCallOptions): null {
  void options;
  return null;
}

/** The options of `useJob(options)`. */
export function UseJobOptions(options: UseJobOptions): null {
  void options;
  return null;
}

/** Options that are objects or handles from other hooks: documented in the table, not editable as controls. */
export const NOT_CONTROLS = ["job", "params", "jobMetadata", "metadata", "persist", "client", "online", "onToken", "onFinish", "onError", "onSuccess", "throwOnError", "offline"];
