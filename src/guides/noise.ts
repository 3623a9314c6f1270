// Saved guide pages carry the site's chrome as text: sign-up walls, "Sign in" links
// glued to the next heading, and callout labels ("Tip", "Note") whose box did not
// survive the copy. None of it is guide content.

/** Whole lines that are the site's sign-up wall. */
const WALL_LINES: RegExp[] = [
  /^sign up free\b.*$/i,
  /^sign up to (see|access|view|unlock)\b.*$/i,
  /^create a free account\b.*$/i,
  /^see (every|all) (the )?interview questions?\b.*$/i,
  /^already have an account\??( sign in| log in)?$/i,
  /^(sign in|log in|sign up|register)$/i,
  /^practice questions from our question bank$/i,
  /^unlock (all|every|the full)\b.*$/i,
];

/**
 * Wall phrases that arrive glued to real text, as in
 * "Sign up freeAlready have an account? Sign inGetting Ready for Your Interviews".
 * A phrase ending in a letter is only stripped when the next word starts straight
 * after it with a capital (the glue), so "Sign in flows" is left alone.
 */
const GLUED_PREFIXES: { phrase: string; endsInLetter: boolean }[] = [
  'Sign up free',
  'Already have an account?',
  'Sign in',
  'Log in',
  'Sign up',
  'Practice questions from our question bank',
].map((phrase) => ({ phrase, endsInLetter: /[a-z]$/i.test(phrase) }));

/** Callout labels left alone on a line once their box is gone. */
// "Tips" is left out: it is also a section heading.
const CALLOUT = /^(tip|note|important|warning|info|pro tip|heads up)[:!]?$/i;

export interface CleanLine {
  /** The line without any site chrome; empty when the whole line was chrome. */
  text: string;
  /** The line carried a sign-up wall, which ends any list running before it. */
  wall: boolean;
  /** The line was only a callout label such as "Tip". */
  callout: boolean;
}

export function cleanLine(raw: string): CleanLine {
  let text = raw
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
  let wall = false;
  if (CALLOUT.test(text)) return { text: '', wall: false, callout: true };

  for (let changed = true; changed && text; ) {
    changed = false;
    if (WALL_LINES.some((re) => re.test(text))) return { text: '', wall: true, callout: false };
    for (const { phrase, endsInLetter } of GLUED_PREFIXES) {
      if (text.length < phrase.length || text.slice(0, phrase.length).toLowerCase() !== phrase.toLowerCase()) continue;
      const rest = text.slice(phrase.length);
      const glued = endsInLetter ? /^[A-Z]/.test(rest) : /^\s*[A-Z]/.test(rest);
      if (rest.trim() === '' || glued) {
        text = rest.trim();
        wall = true;
        changed = true;
        break;
      }
    }
  }
  // The same glue can trail a sentence: "...review the answer.Sign up free".
  const trailing = /(?<=[.?!])\s*(sign up free|sign up|sign in|log in|already have an account\?)$/i;
  while (trailing.test(text)) {
    text = text.replace(trailing, '').trim();
    wall = true;
  }
  if (CALLOUT.test(text)) return { text: '', wall, callout: true };
  return { text, wall, callout: false };
}
