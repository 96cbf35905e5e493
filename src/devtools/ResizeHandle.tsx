import type { KeyboardEvent, PointerEvent } from "react";

const MIN = 160;
const STEP = 24;
const maxHeight = () => Math.max(MIN, Math.round((typeof window === "undefined" ? 800 : window.innerHeight) * 0.9));

/** The panel's top edge: drag it, or focus it and use the arrow keys (Home/End for the limits). A window splitter. */
export function ResizeHandle({ height, onResize }: { height: number; onResize(height: number): void }) {
  const clamp = (h: number) => Math.min(maxHeight(), Math.max(MIN, Math.round(h)));
  const onKeyDown = (e: KeyboardEvent) => {
    const next = e.key === "ArrowUp" ? height + STEP : e.key === "ArrowDown" ? height - STEP : e.key === "Home" ? MIN : e.key === "End" ? maxHeight() : null;
    if (next === null) return;
    e.preventDefault();
    onResize(clamp(next));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startY = e.clientY;
    const start = height;
    const move = (m: globalThis.PointerEvent) => onResize(clamp(start + startY - m.clientY));
    const up = () => (window.removeEventListener("pointermove", move), window.removeEventListener("pointerup", up));
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label="Resize devtools"
      aria-orientation="horizontal"
      aria-valuenow={height}
      aria-valuemin={MIN}
      aria-valuemax={maxHeight()}
      className="slm-devtools__resize"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}
