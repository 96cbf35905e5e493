"use client";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { SaaSLLMJobsClient } from "../core/createJobsClient";

/** All the devtools call on a client: any client, full or composed, fits. */
type WatchedClient = Pick<SaaSLLMJobsClient, "subscribe">;
import { useOptionalSaaSLLMContext } from "../react/SaaSLLMProvider";
import { createInspectorStore } from "./createInspectorStore";
import { SHELL_CSS } from "./devtoolsStyles";

// The panel's code loads on first open; until then only the event recorder and the toggle are in the page.
const DevtoolsPanel = lazy(() => import("./DevtoolsPanel"));

/** Props of {@link SaaSLLMDevtools}. */
export interface SaaSLLMDevtoolsProps {
  /** The client to watch. @default the client of the nearest `<SaaSLLMProvider>` */
  client?: WatchedClient;
  /** Open on mount. @default false */
  initialIsOpen?: boolean;
  /**
   * `"system"` follows the page as the package's `styles.css` does: its `color-scheme` (a page that declares
   * `light dark` follows the OS, one that declares nothing stays light) and `data-theme` on an ancestor.
   * @default "system"
   */
  theme?: "system" | "light" | "dark";
  /** Entries kept per list (oldest dropped first). @default 200 */
  maxEntries?: number;
  /** Panel height in px, until the user resizes it. @default 320 */
  initialHeight?: number;
}

function useWatchedClient(client: WatchedClient | undefined): WatchedClient {
  // Apps that call the client directly have no provider: they pass `client`.
  const context = useOptionalSaaSLLMContext();
  const watched = client ?? context?.client;
  if (!watched) throw new Error("@saas-litellm/react/devtools: pass `client`, or render <SaaSLLMDevtools /> inside <SaaSLLMProvider>.");
  return watched;
}

/**
 * A floating inspector of everything the client does: jobs (calls, closes, charge), requests (attempts,
 * latency, error kind and UI state, retry decisions), streams (phases, time to first token, chunks, ending)
 * and the team status. Import it from `@saas-litellm/react/devtools`; the main entry never includes it.
 *
 * @example
 * import { SaaSLLMDevtools } from "@saas-litellm/react/devtools";
 * <SaaSLLMProvider client={client}><App />{import.meta.env.DEV ? <SaaSLLMDevtools /> : null}</SaaSLLMProvider>
 */
export function SaaSLLMDevtools({ client, initialIsOpen = false, theme = "system", maxEntries = 200, initialHeight = 320 }: SaaSLLMDevtoolsProps) {
  const watched = useWatchedClient(client);
  const [store] = useState(() => createInspectorStore({ maxEntries }));
  const [open, setOpen] = useState(initialIsOpen);
  const [height, setHeight] = useState(initialHeight);
  const toggle = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Recording starts at mount, so the panel shows what happened before it was opened.
  useEffect(() => watched.subscribe(store.getState().record), [watched, store]);
  // Closing gives the focus back to the toggle, once it is shown again.
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    toggle.current?.focus();
  }, [open]);

  const close = () => {
    refocus.current = true;
    setOpen(false);
  };
  return (
    <div className="slm-devtools" data-theme={theme === "system" ? undefined : theme} onKeyDown={(e) => e.key === "Escape" && open && close()}>
      <style>{SHELL_CSS}</style>
      {/* One close control: while the panel is open its own "Close devtools" closes it, and no floating button covers the lists. */}
      <button ref={toggle} type="button" className="slm-devtools__toggle" aria-expanded={open} hidden={open} onClick={() => setOpen(true)}>
        SaaS LiteLLM devtools
      </button>
      {open ? (
        <Suspense fallback={<p role="status" className="slm-devtools__loading">Loading devtools…</p>}>
          <DevtoolsPanel store={store} onClose={close} height={height} onResize={setHeight} />
        </Suspense>
      ) : null}
    </div>
  );
}
