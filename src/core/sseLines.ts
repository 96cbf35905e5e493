const LF = 10;
const SPACE = 32;
const COLON = 58;

/**
 * A Server-Sent Events reader for what a chat stream needs (the WHATWG line rules): the `data` lines of an
 * event joined with "\n" and handed over at its blank line, and comment lines. `event`, `id`, `retry` and
 * unknown fields change nothing for a chat answer and are skipped. Returns `feed` for decoded text.
 */
export function createSSEReader(onData: (data: string) => void, onComment: () => void): (text: string) => void {
  let data = "";
  let dataLines = 0;
  let pending = "";

  const line = (text: string, start: number, end: number) => {
    if (start === end) {
      if (dataLines > 0) onData(data);
      data = "";
      dataLines = 0;
      return;
    }
    if (text.charCodeAt(start) === COLON) return onComment();
    const colon = text.indexOf(":", start);
    const nameEnd = colon === -1 || colon > end ? end : colon;
    if (nameEnd - start !== 4 || !text.startsWith("data", start)) return;
    const valueStart = nameEnd === end ? end : text.charCodeAt(nameEnd + 1) === SPACE ? nameEnd + 2 : nameEnd + 1;
    const value = text.slice(valueStart, end);
    data = dataLines++ === 0 ? value : `${data}\n${value}`;
  };

  /** Reads every complete line of `text`; returns the unfinished rest. */
  const lines = (text: string): string => {
    let start = 0;
    // Servers send LF line ends: one scan per line then.
    if (text.indexOf("\r") === -1) {
      for (let lf = text.indexOf("\n"); lf !== -1; lf = text.indexOf("\n", start)) {
        line(text, start, lf);
        start = lf + 1;
      }
      return text.slice(start);
    }
    let lf = text.indexOf("\n");
    let cr = text.indexOf("\r");
    for (;;) {
      if (lf !== -1 && lf < start) lf = text.indexOf("\n", start);
      if (cr !== -1 && cr < start) cr = text.indexOf("\r", start);
      const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      // A CR last in the text may be the first half of a CRLF split across chunks.
      if (end === -1 || (end === cr && end === text.length - 1)) break;
      line(text, start, end);
      start = end + 1;
      if (end === cr && text.charCodeAt(start) === LF) start++;
    }
    return text.slice(start);
  };

  return (text) => {
    if (pending !== "") {
      // A chunk inside one long line only grows it (V8 joins such strings lazily).
      if (text.indexOf("\n") === -1 && text.indexOf("\r") === -1) {
        pending += text;
        return;
      }
      text = pending + text;
    }
    pending = lines(text);
  };
}
