/** A reply long enough to watch it stream, with non-ASCII text (a cut never shows a broken character). */
export const LONG_REPLY =
  "Retries with backoff wait a little longer after each failure: one second, then two, then four, " +
  "so a struggling service gets room to recover. A 429 says how long to wait in Retry-After, and that wins. " +
  "Streams are different: once text has arrived, nothing is retried behind your back — the partial answer " +
  "stays on screen and you choose Retry or Continue. Naïve café, déjà vu — done.";
