import { useStore } from "zustand";
import type { InspectorStore } from "./createInspectorStore";

/** The team's account status as the client's answers last reported it. */
export function TeamStatusLine({ store }: { store: InspectorStore }) {
  const status = useStore(store.team, (s) => s.status);
  const endpoint = useStore(store.team, (s) => s.endpoint);
  const credits = useStore(store.team, (s) => s.creditsRemaining);
  return (
    <p className="slm-devtools__team" data-status={status}>
      {`Team: ${status}${endpoint && status !== "ok" ? ` (from ${endpoint})` : ""}${credits !== undefined ? ` · ${credits} credits left` : ""}`}
    </p>
  );
}
