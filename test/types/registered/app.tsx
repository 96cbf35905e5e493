// An app that registers a client composed without modules (see register.test.ts). A line that must not
// compile is marked with the error it must show; every other line must compile.
import { composeSaaSLLMClient, createSaaSLLMClient, CreditsMeter, JobCost, SaaSLLMProvider, useChatStream, useCredits, useJob, useLLMCall, useSaaSLLMClient } from "@saas-litellm/react";
import { SaaSLLMDevtools } from "@saas-litellm/react/devtools";

const client = composeSaaSLLMClient({ baseUrl: "/llm", teamId: "acme" });

declare module "@saas-litellm/react" {
  interface Register {
    client: typeof client;
  }
}

export const app = (
  <SaaSLLMProvider client={client}>
    <JobCost job="job-1" /> {/* error: JobCost needs a client composed with accountMethods: composeSaaSLLMClient(options, accountMethods) */}
    <CreditsMeter /> {/* error: CreditsMeter needs a client composed with accountMethods: composeSaaSLLMClient(options, accountMethods) */}
    <SaaSLLMDevtools client={client} />
  </SaaSLLMProvider>
);

export const fullClientStillFits = <SaaSLLMProvider client={createSaaSLLMClient({ baseUrl: "/llm", teamId: "acme" })} />;

export function Hooks() {
  const chat = useChatStream({ model: "chat-fast" }); // error: useChatStream needs a client composed with streamMethods: composeSaaSLLMClient(options, streamMethods)
  const call = useLLMCall({ model: "chat-fast" });
  const job = useJob();
  const registered = useSaaSLLMClient();
  void registered.streamCreateAndCall; // error: Property 'streamCreateAndCall' does not exist
  void registered.createAndCall;
  const credits = useCredits({ lowThreshold: 3 }); // error: useCredits needs a client composed with accountMethods: composeSaaSLLMClient(options, accountMethods)
  return [chat, call, job, credits];
}
