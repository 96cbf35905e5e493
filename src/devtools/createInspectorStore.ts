import { createStore } from "zustand/vanilla";
import type { ClientEvent } from "../core/clientEvents";
import { createTeamStatusStore } from "../react/teamStatusStore";
import type { InspectorData } from "./inspectorTypes";
import { reduceEvent } from "./reduceEvent";

export interface InspectorState extends InspectorData {
  /** Feed one client event (pass it to `client.subscribe`). */
  record(event: ClientEvent): void;
  /** Forget every entry (the team status stays). */
  clear(): void;
}

/**
 * The inspector's memory: client events folded into jobs, requests and streams, plus the team status,
 * each list capped at `maxEntries` (oldest dropped first).
 *
 * @example
 * const inspector = createInspectorStore();
 * const unsubscribe = client.subscribe(inspector.getState().record);
 */
export function createInspectorStore({ maxEntries = 200 }: { maxEntries?: number } = {}) {
  const team = createTeamStatusStore();
  const store = createStore<InspectorState>()((set) => ({
    jobs: [],
    requests: [],
    streams: [],
    record(event) {
      team.getState().record(event);
      set((data) => reduceEvent(data, event, maxEntries));
    },
    clear() {
      set({ jobs: [], requests: [], streams: [] });
    },
  }));
  return Object.assign(store, { team });
}

export type InspectorStore = ReturnType<typeof createInspectorStore>;
