import type { ChatPersister } from "../chatTypes";

/**
 * The page may go away mid-answer (a reload, a closed tab): on `pagehide` the persister writes what is pending
 * and nothing after it; on `pageshow` (the back-forward cache brought the page back) it writes again.
 * `attach` once the chat is mounted (never during a render); the returned function detaches.
 */
export function attachPageLifecycle(persistence: ChatPersister | null): () => void {
  const target = globalThis as { addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener };
  if (!persistence || !target.addEventListener) return () => undefined;
  const leave = () => persistence.flush(true);
  const back = () => persistence.flush(false);
  target.addEventListener("pagehide", leave);
  target.addEventListener("pageshow", back);
  return () => {
    target.removeEventListener?.("pagehide", leave);
    target.removeEventListener?.("pageshow", back);
  };
}
