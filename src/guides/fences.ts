// Fenced blocks on a guide page: most hold an answer's code, but some write-ups paste their whole
// text inside one (a "```bash" block of rounds and the problems asked). A block whose lines read as
// sentences, not code, is the page's text.

/** A line opening or closing a fenced block. */
export const FENCE = /^\s*(?:```|~~~)/;
// a line of code: statements, braces, assignments, calls and keywords
const CODE =
  /[;{}]|=>|[=!]==?|\b(?:def|function|return|import|class|public|private|static|void|const|let|var|int|print)\b|^\s*(?:#include|\/\/|<\w)|\w\([^)]*\)\s*:?$/;
const SENTENCE = /^\s*[\p{L}"'[(].*\p{L}/u;

// a list marker before a sentence: "- Print a matrix ...", "1. Design ..."
const MARKER = /^(?:[-*•]|\d{1,3}[.)])\s+/;

/** A sentence, or a label line such as "Round 1:" (list markers aside), with nothing of code in it. */
function isProse(line: string): boolean {
  const t = line.trim().replace(MARKER, '');
  return SENTENCE.test(t) && (t.split(/\s+/).length >= 3 || /^[\p{L}\d ]{2,30}:$/u.test(t)) && !CODE.test(t);
}

/** The indexes of the fence lines that open a block of prose (at least 3 lines, mostly sentences, no code). */
export function proseFences(raws: string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < raws.length; i++) {
    if (!FENCE.test(raws[i] ?? '')) continue;
    let end = i + 1;
    while (end < raws.length && !FENCE.test(raws[end] ?? '')) end++;
    const body = raws.slice(i + 1, end).filter((l) => l.trim());
    const prose = body.filter(isProse).length;
    const code = body.filter((l) => CODE.test(l)).length;
    if (end < raws.length && body.length >= 3 && prose >= body.length * 0.6 && code <= body.length * 0.1) {
      out.add(i);
      out.add(end);
    }
    i = end;
  }
  return out;
}
