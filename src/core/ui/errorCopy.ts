import type { ErrorStateName } from "./errorStateTypes";

/** Title and message of one state. */
export interface ErrorCopy {
  title: string;
  message: string;
  /**
   * The message when the server named its wait ("5 seconds"): the alert says the number once, since a
   * screen reader reads an alert once; the countdown that ticks sits outside the alert.
   */
  waiting?: (wait: string) => string;
}

/**
 * The default wording of every state, written for end users: it says what happened and what they can do,
 * and never repeats a server detail (5xx details can carry provider URLs and keys). It uses the user's words,
 * not the API's: no "key", "job" or "virtual" (src/react/components/endUserCopy.test.tsx scans every string).
 * `TeamStatusBanner` uses the same wording for the account-wide states.
 */
export const ERROR_COPY: Record<ErrorStateName, ErrorCopy> = {
  "re-auth": { title: "Sign-in needed", message: "Your session has expired. Sign in again to continue." },
  "out-of-credits": { title: "Out of credits", message: "Your team has used all of its credits. Add credits to keep going." },
  "team-suspended": { title: "Team suspended", message: "Your team's access has been suspended. Contact your administrator or support to restore it." },
  "team-paused": { title: "Team paused", message: "Your team's access is paused for now. It may resume later; contact your administrator if you need it sooner." },
  "no-model-access": { title: "Model not available", message: "Your team does not have access to this model. Choose another model, or ask your administrator for access." },
  "rate-limited": {
    title: "Too many requests",
    message: "Requests are being sent faster than allowed. Wait a moment, then try again.",
    waiting: (wait) => `Requests are being sent faster than allowed. Wait ${wait}, then try again.`,
  },
  "service-unavailable": {
    title: "Service unavailable",
    message: "The service is having trouble right now. Try again in a moment.",
    waiting: (wait) => `The service is having trouble right now. Try again in ${wait}.`,
  },
  network: { title: "Connection problem", message: "The service could not be reached. Check your connection and try again." },
  interrupted: { title: "Answer interrupted", message: "The connection dropped before the answer finished. The part received so far is kept." },
  "invalid-request": { title: "Request not accepted", message: "The service could not process this request. Check what you entered and try again." },
  "not-found": { title: "Not found", message: "What you asked for does not exist any more. It may have been removed or finished." },
  forbidden: { title: "Access denied", message: "You do not have permission to do this. Contact your administrator if you think this is wrong." },
  aborted: { title: "Stopped", message: "The request was cancelled." },
};

/** Wording for kinds that share a state but deserve their own sentence. */
export const VARIANT_COPY = {
  timeout: { title: "Taking too long", message: "The service took too long to answer. Try again." },
  validation: { title: "Check your input", message: "Some fields need attention. Fix them and try again." },
  /** A 422 about settings the app chose (model, temperature, max_tokens ...): nothing the user typed can fix it. */
  /** A 403 because the app's team id is not its key's team: a setup mistake, not something the user did. */
  wrongTeam: { title: "App not set up for this team", message: "This app is not set up for your team yet. Contact support." },
  appValidation: { title: "Request not accepted", message: "The app sent a setting the service rejects; it is not caused by what you typed." },
  badResponse: { title: "Unexpected response", message: "The service sent an answer that could not be read. Try again later, or contact support if it keeps happening." },
  circuitOpen: {
    title: "Service unavailable",
    message: "Requests are paused after repeated failures. Try again shortly.",
    waiting: (wait) => `Requests are paused after repeated failures. Try again in ${wait}.`,
  },
  misconfigured: { title: "Service not set up", message: "The service is not set up to handle this request. Contact your administrator." },
  streamError: { title: "Answer stopped", message: "The answer stopped because of an error. The part received so far is kept." },
} satisfies Record<string, ErrorCopy>;

/** The message of a state, naming the server's wait once when there is one (see {@link ErrorCopy.waiting}). */
export function messageOf(copy: ErrorCopy, retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined || retryAfterMs <= 0) return copy.message;
  const wait = formatSeconds(retryAfterMs);
  return copy.waiting ? copy.waiting(wait) : `${copy.message} You can try again in ${wait}.`;
}

/** The line under a banner whose retry waits: it counts with the Retry button. */
export function countdownCopy(seconds: number): string {
  return seconds > 0 ? `You can try again in ${formatSeconds(seconds * 1000)}.` : "You can try again now.";
}

/** "5 seconds" / "1 second", rounded up so we never invite a retry too early. */
export function formatSeconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? "1 second" : `${s} seconds`;
}
