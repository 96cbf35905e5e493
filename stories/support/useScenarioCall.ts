import { useCallback, useEffect, useRef, useState } from "react";
import { isSaaSLLMError, useSaaSLLMClient, type SaaSLLMError } from "@saas-litellm/react";
import { DEMO_VIRTUAL_KEY } from "@saas-litellm/react/testing";
import { useDemo } from "./demo";
import { SCENARIOS, type ScenarioName } from "./scenarios";

const messages = [{ role: "user", content: "Say hello to the team" }];

/**
 * Arranges a scenario on the story's simulator once, then makes a real call (no client retries, so one
 * fault is one error). The error the story shows is the one the client built from the simulator's answer.
 * The fix-it handlers undo the fault the way a person would, then call again.
 */
export function useScenarioCall(scenario: ScenarioName) {
  const { simulator } = useDemo();
  const client = useSaaSLLMClient();
  const stream = scenario === "interrupted";
  const [error, setError] = useState<SaaSLLMError | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const [pending, setPending] = useState(true);
  const arranged = useRef(false);

  const call = useCallback(
    async ({ model = "chat-fast", params = {} as Record<string, unknown> } = {}) => {
      setError(null);
      setAnswer(null);
      setPending(true);
      const input = { job_type: "chat", model, messages, ...params };
      try {
        const text = stream ? (await client.streamCreateAndCall(input, { retry: false })).text : (await client.createAndCall(input, { retry: false })).response.content;
        setAnswer(text ?? "");
      } catch (e) {
        if (!isSaaSLLMError(e)) throw e;
        setError(e);
      } finally {
        setPending(false);
      }
    },
    [client, stream],
  );

  useEffect(() => {
    if (arranged.current) return;
    arranged.current = true;
    const s = SCENARIOS[scenario];
    simulator?.script.clear();
    if (simulator) s.arrange(simulator, stream ? "streamCreateAndCall" : "createAndCall");
    void call({ params: s.params });
  }, [scenario, simulator, call, stream]);

  return {
    error,
    answer,
    pending,
    retry: () => void call(),
    reauth: () => (simulator?.team().rotateKey(DEMO_VIRTUAL_KEY), void call()),
    addCredits: () => (simulator?.team().setCredits(100), void call()),
    // "Contact support": here the administrator answers at once and restores the team.
    contactAdmin: () => (simulator?.team().resume(), void call()),
    chooseModel: () => void call({ model: "chat-claude" }),
    dismiss: () => setError(null),
  };
}
