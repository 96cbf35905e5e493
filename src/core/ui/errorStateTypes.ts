import type { FieldError, SaaSLLMError } from "../SaaSLLMError";

/**
 * The UI states a failure can put a screen in. `aborted` exists so the mapping stays total, but the
 * built-in UI never shows it: a cancelled request is not an error (see {@link errorStateOf}).
 */
export type ErrorStateName =
  | "re-auth"
  | "out-of-credits"
  | "team-suspended"
  | "team-paused"
  | "no-model-access"
  | "rate-limited"
  | "service-unavailable"
  | "network"
  | "interrupted"
  | "invalid-request"
  | "not-found"
  | "forbidden"
  | "aborted";

/** The one thing a user can do about an error state. The UI shows a button for it when it has a handler. */
export type ErrorAction =
  /** The key was rejected: sign in (or fetch a new key) again. */
  | "sign-in"
  /** The team has no credits left. */
  | "add-credits"
  /** Only an administrator (or support) can fix it. */
  | "contact-admin"
  /** The team may not use this model: pick another one. */
  | "choose-model"
  /** Trying again now may work. */
  | "retry"
  /** Trying again may work after `retryAfterMs`. */
  | "retry-after"
  /** Nothing to do (fix the input, or it no longer exists). */
  | "none";

/**
 * What the UI needs to show one error: plain-language text (never a raw server detail, never a key) and
 * the action the user can take.
 *
 * @example
 * const view = toErrorState(error);
 * view.state;   // "rate-limited"
 * view.action;  // "retry-after"
 */
export interface ErrorState {
  state: ErrorStateName;
  /** A short heading, e.g. "Out of credits". */
  title: string;
  /** One or two sentences saying what happened and what to do. */
  message: string;
  action: ErrorAction;
  /** How long to wait before retrying, when the server (or the circuit breaker) said so. */
  retryAfterMs?: number;
  /** True when the state affects every call of the team, not just this one (suspended, out of credits ...). */
  accountWide: boolean;
  /** Whether sending the same request again may succeed (from `error.retryable`). */
  retryable: boolean;
  /** Field problems of a 422, to show beside the form. */
  fieldErrors?: FieldError[];
  /** Text received before a stream failed; keep showing it. */
  partialText?: string;
  /** The error this state was made from (its `detail` is for logs, not for users). */
  error: SaaSLLMError;
}
