import type { ErrorInfo, ReactNode } from "react";
import type { SaaSLLMError } from "../../core/SaaSLLMError";
import type { ErrorState, ErrorStateName } from "../../core/ui/errorStateTypes";

/** What a fallback receives. */
export interface LLMFallbackProps {
  error: SaaSLLMError;
  state: ErrorState;
  /** Clears the boundary and react-query's error reset boundary, so failed queries run again. */
  resetErrorBoundary: () => void;
}

/** A fallback per state; states without one get the built-in `<ErrorBanner>`. */
export type LLMErrorFallbacks = Partial<Record<ErrorStateName, (props: LLMFallbackProps) => ReactNode>>;

/** Why the boundary reset: `resetErrorBoundary()` was called, or a `resetKeys` entry changed. */
export type LLMResetDetails =
  | { reason: "imperative-api" }
  | { reason: "keys"; prev: readonly unknown[] | undefined; next: readonly unknown[] | undefined };

interface LLMErrorBoundaryShared {
  children?: ReactNode;
  /** Called once per caught SaaSLLMError (for logging). Other errors are not reported here. */
  onError?: (error: SaaSLLMError, info: ErrorInfo) => void;
  /** Called before the boundary clears, e.g. to reset app state that caused the error. */
  onReset?: (details: LLMResetDetails) => void;
  /** The boundary resets when any entry changes (compared with `Object.is`), e.g. `[jobId]`. */
  resetKeys?: readonly unknown[];
  /** "Sign in again" in the built-in banner for `re-auth`. Call `resetErrorBoundary` once you have a new key. */
  onReauth?: (props: LLMFallbackProps) => void;
  /** "Add credits" in the built-in banner for `out-of-credits`. */
  onAddCredits?: (props: LLMFallbackProps) => void;
  /** "Choose another model" in the built-in banner for `no-model-access`. */
  onChooseModel?: (props: LLMFallbackProps) => void;
  /** "Contact support" in the built-in banner for suspended, paused, forbidden and misconfigured states. */
  onContactAdmin?: (props: LLMFallbackProps) => void;
}

/**
 * Props of `LLMErrorBoundary`: per-state `fallbacks`, one `fallbackRender`, or neither (the built-in
 * banner), never both.
 */
export type LLMErrorBoundaryProps = LLMErrorBoundaryShared &
  (
    | { /** A fallback per state. */ fallbacks: LLMErrorFallbacks; fallbackRender?: never }
    | { /** One render function for every state. */ fallbackRender: (props: LLMFallbackProps) => ReactNode; fallbacks?: never }
    | { fallbacks?: never; fallbackRender?: never }
  );
