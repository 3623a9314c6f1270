// Reading the words typed after a command (Slack, the terminal): which of them name
// an employer and which fill the command's other slots. Employer names have spaces
// ("Children's Hospital of Philadelphia"), so the employer is the longest run of
// leading words that names a guide, and every word after it must fill a slot;
// a word that fills none is refused rather than glued onto the employer's name.
import { UserError } from '../../chat/errors';
import type { GuideLibrary } from '../../guides/library';
import type { Guide } from '../../guides/schema';

export interface EmployerPhrase {
  /** The words read as the employer's name, when any. */
  employer?: string;
  /** The guide they name, when they name one. */
  guide?: Guide;
  /** The words after the employer, for the command's other slots. */
  rest: string[];
}

/**
 * Splits `words` into an employer and the rest. `isSlots` says whether some words
 * are the command's other arguments on their own (a section, a category), so that
 * `/prep question system design` has no employer at all.
 */
export function readEmployerPhrase(
  guides: GuideLibrary,
  words: readonly string[],
  isSlots: (rest: readonly string[]) => boolean,
): EmployerPhrase {
  if (words.length === 0) return { rest: [] };
  if (isSlots(words)) return { rest: [...words] };
  for (let k = words.length; k >= 1; k--) {
    const name = words.slice(0, k).join(' ');
    const guide = guides.lookup(name).guide;
    if (guide) return { employer: name, guide, rest: words.slice(k) };
  }
  // No guide by any run: an unknown employer. Its words are those before the first
  // slot, else the longest run close to some guide's name ("chopp salary" → "chopp"),
  // so the refusal quotes what was meant as the name and suggests the closest guides.
  for (let i = 1; i < words.length; i++) {
    if (isSlots(words.slice(i))) return { employer: words.slice(0, i).join(' '), rest: words.slice(i) };
  }
  for (let k = words.length; k >= 1; k--) {
    const name = words.slice(0, k).join(' ');
    if (guides.complete(name, 1).length > 0) return { employer: name, rest: words.slice(k) };
  }
  return { employer: words.join(' '), rest: [] };
}

/** How an employer is typed in an example: `chop`, `"harvard medical school"`. */
function typedName(name: string): string {
  const lower = name.trim().toLowerCase();
  return /\s/.test(lower) ? `"${lower}"` : lower;
}

/**
 * The guide `query` names; a missing or ambiguous one is refused with the guide
 * library's message and a whole command to copy (`example` gets the closest name).
 */
export function resolveEmployer(guides: GuideLibrary, query: string, example: (name: string) => string): Guide {
  try {
    return guides.resolve(query);
  } catch (err) {
    if (!(err instanceof UserError) || guides.all().length === 0 || !err.example) throw err;
    throw new UserError(err.message, `\`${example(typedName(err.example))}\``);
  }
}
