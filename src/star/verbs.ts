// How the features read a verb: past or not, whose it is, and whether a passive is a step
// nobody owns. Pure functions over the word lists in lexicon.ts and verb-lexicon.ts.
import { AMBIGUOUS_PAST, CHANGE_VERBS, IRREGULAR_PAST, PERSONAL_SUBJECTS, STATE_VERBS } from './lexicon';
import { DUTY, NOT_PAST, SCENE_PARTICIPLES, SPEAKERS } from './verb-lexicon';

/**
 * "the forms were rewritten", "the bug got fixed": a passive step with no owner. The
 * speaker being acted on ("I was asked", "we were given") is a task or a result, a scene
 * participle ("was hidden", "was built in 2019") is context, and "was asked to" / "was
 * supposed to" is a duty.
 */
export function isPassiveStep(tokens: string[], aux: number, k: number, participle: string): boolean {
  // "I was", "we were", "I had been", "we have been", "I got"
  for (let b = aux - 1; b >= Math.max(0, aux - 3); b--) {
    const w = tokens[b] as string;
    if (SPEAKERS.has(w) || w.startsWith("i'") || w.startsWith("we'")) return false;
    if (!['has', 'have', 'had', 'just', 'also', 'then', 'already', 'finally', 'been', 'not', 'never'].includes(w))
      break;
  }
  if (tokens[aux - 1] === 'there' || (tokens[aux - 1] === 'it' && /^(?:decided|agreed|felt|clear)$/.test(participle)))
    return false;
  if (SCENE_PARTICIPLES.has(participle) || STATE_VERBS.has(participle) || CHANGE_VERBS.test(participle)) return false;
  if (tokens[k + 1] === 'to' && DUTY.test(participle)) return false;
  return true;
}

export function subjectOf(t: string): string | undefined {
  if (t === 'i' || t.startsWith("i'")) return 'i';
  if (t === 'we' || t.startsWith("we'")) return 'we';
  return PERSONAL_SUBJECTS.has(t) ? t : undefined;
}

export function isPast(verb: string): boolean {
  if (IRREGULAR_PAST.has(verb) && !AMBIGUOUS_PAST.has(verb)) return true;
  return /[a-z]ed$/.test(verb) && verb.length > 3 && !NOT_PAST.has(verb);
}
