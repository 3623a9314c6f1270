// The sounds and stock phrases a speaker fills a pause with ("um", "uhm", "er", "you know"),
// in one place: the splitter looks past them to find the clause that follows a conjunction
// ("and um I wrote"), the sentence model reads a sentence's opening words after them
// ("Umm so I" reads as "so I").

/** One-word hesitation sounds, however long they are drawn out: um, umm, uh, uhm, er, erm, ah, eh, hm, hmm. */
const SOUND = 'u+m+|u+h+m*|e+r+m*|a+h+|e+h+|h+m+';
/** Stock phrases used as fillers, word by word. */
const PHRASES: readonly (readonly string[])[] = [['you', 'know'], ['like']];

const SOUND_WORD = new RegExp(`^(?:${SOUND})$`);
const PHRASE_SOURCE = PHRASES.map((p) => p.join(' ')).join('|');
const LEADING = new RegExp(`^[^a-z]*(?:(?:${SOUND}|${PHRASE_SOURCE})\\b[^a-z]*)+`);

/** How many of the lower-case words from i on make one filler (0 when none starts there). */
export function fillerAt(words: readonly string[], i: number): number {
  const w = words[i] ?? '';
  if (SOUND_WORD.test(w)) return 1;
  for (const p of PHRASES) if (p.every((x, k) => words[i + k] === x)) return p.length;
  return 0;
}

/** A lower-case sentence without the fillers it opens with ("um, you know, so I" becomes "so I"). */
export function withoutLeadingFillers(lower: string): string {
  return lower.replace(LEADING, '');
}
