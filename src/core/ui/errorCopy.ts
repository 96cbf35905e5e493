import type { ErrorStateName } from "./errorStateTypes";

/** Title and message of one state. */
export interface ErrorCopy {
  title: string;
  message: string;
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
  "team-suspended": { title: "Team suspended", message: "Your team's access is suspended. Contact your administrator to restore it." },
  "team-paused": { title: "Team paused", message: "Your team's access is paused for now. Contact your administrator if you need it sooner." },
  "no-model-access": { title: "Model not available", message: "Your team does not have access to this model. Choose another model." },
  "rate-limited": { title: "Too many requests", message: "Requests are being sent faster than allowed. Wait a moment, then try again." },
  "service-unavailable": { title: "Service unavailable", message: "The service is having trouble right now. Try again in a moment." },
  network: { title: "Connection problem", message: "The service could not be reached. Check your connection and try again." },
  interrupted: { title: "Answer interrupted", message: "The connection dropped before the answer finished. The part received so far is kept." },
  "invalid-request": { title: "Request not accepted", message: "The service could not process this request. Check what you entered and try again." },
  "not-found": { title: "Not found", message: "What you asked for no longer exists." },
  forbidden: { title: "Access denied", message: "You do not have permission to do this. Contact your administrator." },
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
  badResponse: { title: "Unexpected response", message: "The service sent an answer that could not be read. Try again later." },
  circuitOpen: { title: "Service unavailable", message: "Requests are paused after repeated failures. Try again shortly." },
  misconfigured: { title: "Service not set up", message: "The service is not set up to handle this request. Contact your administrator." },
  streamError: { title: "Answer stopped", message: "The answer stopped because of an error. The part received so far is kept." },
} satisfies Record<string, ErrorCopy>;

/**
 * The message of a state, naming the server's wait once when there is one: "Wait a moment" becomes "Wait 5
 * seconds", "Try again shortly" "Try again in 5 seconds". A screen reader reads an alert once, so the number
 * must be in it; the countdown that ticks sits outside the alert.
 */
export const messageOf = ({ message }: ErrorCopy, retryAfterMs = 0): string =>
  retryAfterMs > 0 ? message.replace(/a moment|shortly/, (vague) => (vague < "s" ? "" : "in ") + formatSeconds(retryAfterMs)) : message;

/** The line under a banner whose retry waits: it counts with the Retry button. */
export function countdownCopy(seconds: number): string {
  return seconds > 0 ? `You can try again in ${formatSeconds(seconds * 1000)}.` : "You can try again now.";
}

/** "5 seconds" / "1 second", rounded up so we never invite a retry too early. */
export function formatSeconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? "1 second" : `${s} seconds`;
}
