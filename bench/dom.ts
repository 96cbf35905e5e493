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

let frameIndex = 0;

// Node's timers run on a 1 ms grid and may fire a fraction early: a tick before the next 1000/60 ms
// boundary only re-arms, so a 16.67 ms period never yields two frames (it did, over-counting frames ~1.6×).
function tick(): void {
  const index = Math.floor((performance.now() - origin) / FRAME_MS);
  if (index > frameIndex) {
    frameIndex = index;
    frameCount++;
    const due = callbacks;
    callbacks = new Map();
    const now = performance.now();
    for (const cb of due.values()) cb(now);
  }
  const untilNext = (frameIndex + 1) * FRAME_MS - (performance.now() - origin);
  setTimeout(tick, Math.max(1, untilNext)).unref();
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
