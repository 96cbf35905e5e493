/** Whether the device is online, and changes to it: react-query's `onlineManager` has this shape. */
export interface OnlineSource {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

/** A network source and how long a send made offline waits on it. */
export interface OnlineWindow {
  source: OnlineSource;
  windowMs: number;
}

/** How long a send made offline is held before it is dropped (a minute: later, the user has likely moved on). */
export const DEFAULT_OFFLINE_WINDOW_MS = 60_000;

/** Resolves once the device is online (`online`), after `windowMs` (`expired`), or when `signal` aborts (`aborted`). */
export function waitForNetwork(source: OnlineSource, windowMs: number, signal: AbortSignal): Promise<"online" | "expired" | "aborted"> {
  if (source.isOnline()) return Promise.resolve("online");
  return new Promise((resolve) => {
    const end = (result: "online" | "expired" | "aborted") => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const onAbort = () => end("aborted");
    const timer = setTimeout(() => end("expired"), windowMs);
    const unsubscribe = source.subscribe((online) => online && end("online"));
    signal.addEventListener("abort", onAbort, { once: true });
    if (signal.aborted) end("aborted");
  });
}
