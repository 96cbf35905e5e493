import { Window } from "happy-dom";

/**
 * Imported first by every contender: the DOM globals must exist before react-dom evaluates.
 * fetch, timers and streams stay Node's own, so every contender reads the same undici body.
 */
const win = new Window({ url: "http://127.0.0.1/" });
const g = globalThis as Record<string, unknown>;
g.window = win;
g.document = win.document;
g.HTMLElement = win.HTMLElement;
g.Node = win.Node;
if (!("navigator" in globalThis)) g.navigator = win.navigator;

/**
 * A 60 Hz frame clock in place of happy-dom's requestAnimationFrame (which fires on the next timer
 * tick, far faster than a screen). Frames are due every 1000/60 ms of wall time; a frame that is late
 * because the thread was busy fires late, as in a browser, and is not repeated.
 */
const FRAME_MS = 1000 / 60;
let callbacks = new Map<number, FrameRequestCallback>();
let nextId = 1;
let frameCount = 0;
const origin = performance.now();

function tick(): void {
  frameCount++;
  const due = callbacks;
  callbacks = new Map();
  const now = performance.now();
  for (const cb of due.values()) cb(now);
  const elapsed = performance.now() - origin;
  setTimeout(tick, FRAME_MS - (elapsed % FRAME_MS)).unref();
}
setTimeout(tick, FRAME_MS).unref();

g.requestAnimationFrame = (cb: FrameRequestCallback): number => {
  callbacks.set(nextId, cb);
  return nextId++;
};
g.cancelAnimationFrame = (id: number): void => {
  callbacks.delete(id);
};

/** Frames the clock has produced so far. */
export const frames = (): number => frameCount;

export const container = (): HTMLElement => {
  const el = win.document.createElement("div");
  win.document.body.appendChild(el);
  return el as unknown as HTMLElement;
};
