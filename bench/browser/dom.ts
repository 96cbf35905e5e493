// The browser bench's stand-in for bench/dom.ts (the build aliases `../dom` here): the page's own DOM and
// its own requestAnimationFrame, counted by a rAF loop that runs for the whole page.
let frameCount = 0;
const loop = () => {
  frameCount++;
  requestAnimationFrame(loop);
};
requestAnimationFrame(loop);

/** Frames the page has painted so far. */
export const frames = (): number => frameCount;

export const container = (): HTMLElement => document.body.appendChild(document.createElement("div"));
