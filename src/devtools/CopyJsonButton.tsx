import { useEffect, useState } from "react";
import { toRedactedJson } from "./toRedactedJson";

/**
 * Puts `text` on the clipboard: the async Clipboard API, or where it is missing or refused (an insecure
 * origin such as a dev server on a LAN address, a frame without focus) the older copy command.
 */
async function writeClipboard(text: string): Promise<void> {
  try {
    if (navigator.clipboard) return await navigator.clipboard.writeText(text);
  } catch {
    // Refused: try the copy command below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.cssText = "position:fixed;opacity:0;pointer-events:none";
  document.body.append(area);
  area.select();
  const done = typeof document.execCommand === "function" && document.execCommand("copy");
  area.remove();
  if (!done) throw new Error("copy refused");
}

/** Copies one entry as redacted JSON; says "Copied" (or "Copy failed") in a polite live region for a moment. */
export function CopyJsonButton({ value, label }: { value: unknown; label: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (copied === "idle") return;
    const timer = setTimeout(() => setCopied("idle"), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () =>
    void writeClipboard(toRedactedJson(value)).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  return (
    <span className="slm-devtools__copy">
      <button type="button" className="slm-devtools__button" aria-label={`Copy ${label} as JSON`} onClick={copy}>
        Copy JSON
      </button>
      <span role="status" className="slm-devtools__copied">{copied === "copied" ? "Copied" : copied === "failed" ? "Copy failed" : ""}</span>
    </span>
  );
}
