// One sentence's features: who acts and in what tense, passives, habits and hypotheticals,
// and the cue words of each STAR part. The labeller (label.ts) scores them.
import type { Features } from './feature-set';
import {
  AMBIGUOUS_PAST,
  AT_PLACE,
  CHANGE_VERBS,
  GENERIC_CUES,
  HABIT_ADVERBS,
  HABIT_CUES,
  HYPOTHETICAL_CUES,
  IRREGULAR_PAST,
  META_CUES,
  MODALS,
  NUMBER,
  OWN_HYPOTHETICAL,
  RESULT_CUES,
  SEQUENCE_START,
  SITUATION_CUES,
  SKIP_ADVERBS,
  STATE_VERBS,
  TASK_CUES,
  TIME_ANCHORS,
} from './lexicon';
import { weakOutcome } from './outcome';
import type { Segment } from './split';
import {
  CONSEQUENCE,
  DETERMINERS,
  DONE_TO,
  FEELINGS,
  HAPPENINGS,
  MEETINGS,
  NOT_PAST,
  NOT_VERBS,
  PARTICIPLES,
  PRESENT_VERBS,
  ROLE_PREPOSITIONS,
  SPEAKERS,
} from './verb-lexicon';
import { isPassiveStep, isPast, subjectOf } from './verbs';

/** The features read from the whole sentence at once, before its words are walked. */
function sentenceCues(seg: Segment, lower: string, tokens: string[]): Features {
  return {
    words: tokens.length,
    iAct: false,
    weAct: false,
    otherAct: false,
    passive: false,
    passiveAct: false,
    past: false,
    pastState: false,
    modal: false,
    ownModal: false,
    habit: false,
    generic: GENERIC_CUES.test(lower),
    presentOnly: false,
    meta:
      META_CUES.test(lower.replace(/^[^a-z]+/, '')) &&
      (tokens.length <= 12 || /^[^a-z]*(?:so yeah|that's (?:the story|it|about it))/.test(lower)),
    hasI: false,
    hasWe: false,
    time: TIME_ANCHORS.test(lower) || AT_PLACE.test(seg.text),
    situation: SITUATION_CUES.test(lower),
    task: TASK_CUES.test(lower),
    result: RESULT_CUES.test(lower),
    change: CHANGE_VERBS.test(lower),
    number: NUMBER.test(lower),
    sequence: SEQUENCE_START.test(lower),
    code: Boolean(seg.code),
    consequence: CONSEQUENCE.test(lower),
    outcome: false,
    iStarts:
      /^(?:(?:and|so|then|but|also|first|next|finally|after that),? )*(?:i|we) (?:also |then |first |quickly |immediately )?[a-z]+ed\b/.test(
        lower,
      ),
  };
}

/** The word `t` at `i`: any past tense, and a passive ("was rewritten", "got fixed") after it. */
function readPastAndPassive(f: Features, tokens: string[], i: number, t: string): void {
  if (/ed$/.test(t) && t.length > 3 && !NOT_PAST.has(t)) f.past = true;
  if (IRREGULAR_PAST.has(t) && !AMBIGUOUS_PAST.has(t)) f.past = true;
  const gotPassive = (t === 'got' || t === 'gotten') && !SPEAKERS.has(tokens[i - 1] ?? '');
  if (!((t === 'was' || t === 'were' || t === 'been' || gotPassive) && i + 1 < tokens.length)) return;
  let k = i + 1;
  // "was consistently missing": an adverb may sit between
  if (/ly$/.test(tokens[k] as string) || SKIP_ADVERBS.has(tokens[k] as string)) k++;
  const next = (tokens[k] ?? '').replace(/[.,]$/, '');
  if (/ing$/.test(next) && next.length > 4 && !gotPassive) f.pastState = true;
  else if ((/ed$/.test(next) && !NOT_PAST.has(next)) || PARTICIPLES.has(next) || DONE_TO.has(next)) {
    // "got fixed" counts as an ownerless step only: the missing-result decision and the
    // closing-sentence lean were tuned on "was/were" passives
    if (!gotPassive) f.passive = true;
    if (!(gotPassive && FEELINGS.test(next)) && isPassiveStep(tokens, i, k, next)) f.passiveAct = true;
  }
}

/** Contractions that settle the verb: "I'd" (past or modal), "I'll", "I'm"/"I've". */
function readContraction(f: Features, t: string, next: string): 'present' | 'done' | undefined {
  if (t === "i'd" || t === "we'd") {
    if (next === 'been' || next === 'had' || /ed$/.test(next)) f.past = true;
    else {
      f.modal = true;
      f.ownModal = !HEDGE_VERBS.has(next);
    }
    return 'done';
  }
  if (t === "i'll" || t === "we'll") {
    f.modal = true;
    f.ownModal = !OFFER_VERBS.has(next);
    return 'done';
  }
  if (t === "i'm" || t === "we're" || t === "i've" || t === "we've") return 'present';
  return undefined;
}

/** what the speaker offers to tell ("I'll give you an example", "we can talk about ...") */
const OFFER_VERBS = new Set(['give', 'tell', 'share', 'talk', 'walk', 'explain', 'describe', 'mention']);

/** how the speaker hedges what they tell ("I'd say", "I would guess"): a way of speaking, not a plan */
const HEDGE_VERBS = new Set(['say', 'guess', 'argue', 'imagine', 'think', 'call', 'describe']);

/**
 * A modal of the speaker's that is no plan: an offer to tell ("I can tell you", "we can talk
 * about"), a hedge ("I would say") or a regret about the past ("I should have realised", "I
 * might have missed it").
 */
function notAPlan(modal: string, next: string): boolean {
  if ((modal === 'will' || modal === 'can') && OFFER_VERBS.has(next)) return true;
  if (modal === 'would' && HEDGE_VERBS.has(next)) return true;
  return (modal === 'should' || modal === 'might' || modal === 'must') && next === 'have';
}

/** A past verb after its subject: a deed of the speaker, the team or someone else, a state, or a duty. */
function readPastVerb(f: Features, tokens: string[], j: number, verb: string, subj: string): void {
  f.past = true;
  const next = tokens[j + 1] ?? '';
  // "had to" is a duty (a Task), not a deed; "had a meeting" is a deed, not a state;
  // "worked as/at" describes a role, so it sets the scene
  const duty = verb === 'had' && next === 'to';
  const state =
    (STATE_VERBS.has(verb) && !(verb === 'had' && MEETINGS.test(`${next} ${tokens[j + 2]}`))) ||
    (verb === 'worked' && ROLE_PREPOSITIONS.has(next));
  if (duty) return;
  if (state) f.pastState = true;
  else if (subj === 'i') f.iAct = true;
  else if (subj === 'we') f.weAct = true;
  else f.otherAct = true;
}

/** The first verb after a subject at `i`; true when it is a present-tense verb. */
function readSubjectVerb(f: Features, tokens: string[], i: number, t: string, subj: string): boolean {
  let j = i + 1;
  const settled = readContraction(f, t, tokens[j] ?? '');
  if (settled) return settled === 'present';
  // the first verb after the subject, skipping adverbs and hedges
  let habit = false;
  while (j < tokens.length && (SKIP_ADVERBS.has(tokens[j] as string) || HABIT_ADVERBS.has(tokens[j] as string))) {
    if (HABIT_ADVERBS.has(tokens[j] as string)) habit = true;
    j++;
  }
  let verb = tokens[j];
  if (!verb) return false;
  // past perfect: "I had already fixed it" reads as "I fixed it"
  if (
    verb === 'had' &&
    tokens[j + 1] &&
    (isPast(tokens[j + 1] as string) || PARTICIPLES.has(tokens[j + 1] as string))
  ) {
    j++;
    verb = tokens[j] as string;
  }
  if (MODALS.has(verb)) {
    f.modal = true;
    if ((subj === 'i' || subj === 'we') && !notAPlan(verb, tokens[j + 1] ?? '')) f.ownModal = true;
    return false;
  }
  if (habit && !isPast(verb)) {
    f.habit = true;
    return false;
  }
  if (isPast(verb) || (AMBIGUOUS_PAST.has(verb) && f.past)) {
    readPastVerb(f, tokens, j, verb, subj);
    return false;
  }
  if (AMBIGUOUS_PAST.has(verb)) {
    // "I set up", "I cut": past in an answer told in the past, resolved by the caller
    if (subj === 'i') f.iAct = true;
    else if (subj === 'we') f.weAct = true;
    return false;
  }
  return PRESENT_VERBS.has(verb) || (!/(ed|ing)$/.test(verb) && /^[a-z]+$/.test(verb) && !NOT_VERBS.has(verb));
}

/** Someone else acting: "The CFO used it", "Our lead agreed", "Sarah suggested". */
function readOtherActor(f: Features, tokens: string[], lower: string): void {
  if (!f.otherAct && DETERMINERS.has(tokens[0] ?? '')) {
    for (let k = 2; k <= 3 && k < tokens.length; k++) {
      const v = tokens[k] as string;
      if (isPast(v) && !STATE_VERBS.has(v) && !HAPPENINGS.has(v)) f.otherAct = true;
      if (isPast(v) || STATE_VERBS.has(v)) break;
    }
  }
  if (
    !f.otherAct &&
    /^(?:the|our|my|his|her|their|a)? ?[a-z]+ (?:[a-z]+ )?(?:agreed|decided|approved|suggested|asked|said|told|voted|accepted|liked|signed)\b/.test(
      lower,
    )
  ) {
    f.otherAct = true;
  }
}

export function features(seg: Segment): Features {
  const lower = seg.text.toLowerCase().replace(/[’‘]/g, "'");
  const tokens = lower.match(/[a-z0-9][a-z0-9'.-]*/g) ?? [];
  const f = sentenceCues(seg, lower, tokens);
  if (f.code) return f;
  // a bullet or line that opens on a bare past verb ("Started using a timer") is the
  // speaker's own step, told without the "I"
  const opener = (tokens[0] ?? '').replace(/\.$/, '');
  if (isPast(opener) && !STATE_VERBS.has(opener) && !CHANGE_VERBS.test(opener)) {
    f.iStarts = true;
  }
  let present = false;
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i] as string;
    if (t.endsWith('.')) t = t.slice(0, -1);
    if (t.endsWith("'s")) t = t.slice(0, -2);
    readPastAndPassive(f, tokens, i, t);
    const subj = subjectOf(t);
    if (!subj) continue;
    if (subj === 'i') f.hasI = true;
    if (subj === 'we') f.hasWe = true;
    if (readSubjectVerb(f, tokens, i, t, subj)) present = true;
  }
  readOtherActor(f, tokens, lower);
  f.presentOnly = present && !f.past && !f.pastState;
  f.habit ||= HABIT_CUES.test(lower);
  f.modal ||= HYPOTHETICAL_CUES.test(lower);
  f.ownModal ||= OWN_HYPOTHETICAL.test(lower);
  f.outcome = weakOutcome(f, lower); // already lower-cased: the function lower-cases what it gets
  return f;
}
