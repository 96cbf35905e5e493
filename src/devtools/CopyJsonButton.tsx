import { useEffect, useState } from "react";
import { toRedactedJson } from "./toRedactedJson";

/** Copies one entry as redacted JSON; says "Copied" (or "Copy failed") in a polite live region for a moment. */
export function CopyJsonButton({ value, label }: { value: unknown; label: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (copied === "idle") return;
    const timer = setTimeout(() => setCopied("idle"), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  // No Clipboard API (an insecure origin, e.g. a dev server on a LAN address) says "Copy failed", never nothing.
  const copy = () =>
    void (navigator.clipboard?.writeText(toRedactedJson(value)) ?? Promise.reject(new Error("no clipboard"))).then(
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
