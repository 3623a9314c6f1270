// Cutting prose short at sentence ends, for overviews that must stay readable in a chat reply.

/** Sentence ends: `.`, `!` or `?` (optionally closed by a quote or bracket) before a space and a capital. */
const SENTENCE_END = /([.!?]["')\]]?)\s+(?=["'(]?[A-Z])/g;

function sentences(text: string): string[] {
  return text
    .replace(SENTENCE_END, '$1\u0000')
    .split('\u0000')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The leading sentences of `text` until at least `minChars` are taken: one sentence
 * when it says enough, two when the first is a short opener that the next explains.
 */
export function leadSentences(text: string, minChars: number): string {
  const all = sentences(text);
  const taken: string[] = [];
  for (const s of all) {
    taken.push(s);
    if (taken.join(' ').length >= minChars) break;
  }
  return taken.join(' ');
}
