// Sentence features and labelling. Each sentence gets a score per label from its own
// words; a soft order prior then picks the best sequence (Viterbi), so going back from
// Action to Situation costs something but remains possible for result-first answers.
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
  PERSONAL_SUBJECTS,
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

export type Part = 'situation' | 'task' | 'action' | 'result';
export type Label = Part | 'other';

export interface Features {
  words: number;
  /** "I" + a past verb of doing. */
  iAct: boolean;
  /** "we" + a past verb of doing. */
  weAct: boolean;
  /** someone else + a past verb of doing ("he agreed", "the team voted"). */
  otherAct: boolean;
  passive: boolean;
  /**
   * an agentless passive step by someone other than the speaker's "I"/"we": "the forms were
   * rewritten", "the bug got fixed", "it has been split into three steps". No owner is named.
   */
  passiveAct: boolean;
  /** any past tense at all. */
  past: boolean;
  /** past of a state ("was", "had"), past progressive. */
  pastState: boolean;
  modal: boolean;
  habit: boolean;
  generic: boolean;
  presentOnly: boolean;
  meta: boolean;
  hasI: boolean;
  hasWe: boolean;
  time: boolean;
  situation: boolean;
  task: boolean;
  result: boolean;
  change: boolean;
  number: boolean;
  sequence: boolean;
  code: boolean;
  /** the sentence opens with "I" or "we" and a past verb (after a connective). */
  iStarts: boolean;
  /** an explicit consequence: "which meant", "as a result". */
  consequence: boolean;
  /** some sign of how things turned out, however weak (see outcome.ts). */
  outcome: boolean;
}

const LABELS: Label[] = ['situation', 'task', 'action', 'result', 'other'];

export function features(seg: Segment): Features {
  const lower = seg.text.toLowerCase().replace(/[’‘]/g, "'");
  const tokens = lower.match(/[a-z0-9][a-z0-9'.-]*/g) ?? [];
  const f: Features = {
    words: tokens.length,
    iAct: false,
    weAct: false,
    otherAct: false,
    passive: false,
    passiveAct: false,
    past: false,
    pastState: false,
    modal: false,
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
    if (/ed$/.test(t) && t.length > 3 && !NOT_PAST.has(t)) f.past = true;
    if (IRREGULAR_PAST.has(t) && !AMBIGUOUS_PAST.has(t)) f.past = true;
    const gotPassive = (t === 'got' || t === 'gotten') && !SPEAKERS.has(tokens[i - 1] ?? '');
    if ((t === 'was' || t === 'were' || t === 'been' || gotPassive) && i + 1 < tokens.length) {
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
    const subj = subjectOf(t);
    if (!subj) continue;
    if (subj === 'i') f.hasI = true;
    if (subj === 'we') f.hasWe = true;
    // the first verb after the subject, skipping adverbs and hedges
    let j = i + 1;
    let habit = false;
    if (t === "i'd" || t === "we'd") {
      const next = tokens[j] ?? '';
      if (next === 'been' || next === 'had' || /ed$/.test(next)) f.past = true;
      else f.modal = true;
      continue;
    }
    if (t === "i'll" || t === "we'll") {
      f.modal = true;
      continue;
    }
    if (t === "i'm" || t === "we're" || t === "i've" || t === "we've") {
      present = true;
      continue;
    }
    while (j < tokens.length && (SKIP_ADVERBS.has(tokens[j] as string) || HABIT_ADVERBS.has(tokens[j] as string))) {
      if (HABIT_ADVERBS.has(tokens[j] as string)) habit = true;
      j++;
    }
    let verb = tokens[j];
    if (!verb) continue;
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
      continue;
    }
    if (habit && !isPast(verb)) {
      f.habit = true;
      continue;
    }
    if (isPast(verb) || (AMBIGUOUS_PAST.has(verb) && f.past)) {
      f.past = true;
      // "had to" is a duty and "had a meeting" an action, not a state
      const next = tokens[j + 1] ?? '';
      // "had to" is a duty (a Task), not a deed; "had a meeting" is a deed, not a state;
      // "worked as/at" describes a role, so it sets the scene
      const duty = verb === 'had' && next === 'to';
      const state =
        (STATE_VERBS.has(verb) && !(verb === 'had' && MEETINGS.test(`${next} ${tokens[j + 2]}`))) ||
        (verb === 'worked' && ROLE_PREPOSITIONS.has(next));
      if (duty) continue;
      if (state) f.pastState = true;
      else if (subj === 'i') f.iAct = true;
      else if (subj === 'we') f.weAct = true;
      else f.otherAct = true;
    } else if (AMBIGUOUS_PAST.has(verb)) {
      // "I set up", "I cut": past in an answer told in the past, resolved by the caller
      if (subj === 'i') f.iAct = true;
      else if (subj === 'we') f.weAct = true;
    } else if (PRESENT_VERBS.has(verb) || (!/(ed|ing)$/.test(verb) && /^[a-z]+$/.test(verb) && !NOT_VERBS.has(verb))) {
      present = true;
    }
  }
  // someone else acting: "The CFO used it", "Our lead agreed"
  if (!f.otherAct && DETERMINERS.has(tokens[0] ?? '')) {
    for (let k = 2; k <= 3 && k < tokens.length; k++) {
      const v = tokens[k] as string;
      if (isPast(v) && !STATE_VERBS.has(v) && !HAPPENINGS.has(v)) f.otherAct = true;
      if (isPast(v) || STATE_VERBS.has(v)) break;
    }
  }
  // a named actor: "The team agreed", "Sarah suggested"
  if (
    !f.otherAct &&
    /^(?:the|our|my|his|her|their|a)? ?[a-z]+ (?:[a-z]+ )?(?:agreed|decided|approved|suggested|asked|said|told|voted|accepted|liked|signed)\b/.test(
      lower,
    )
  ) {
    f.otherAct = true;
  }
  f.presentOnly = present && !f.past && !f.pastState;
  f.habit ||= HABIT_CUES.test(lower);
  f.modal ||= HYPOTHETICAL_CUES.test(lower);
  f.outcome = weakOutcome(f, lower); // already lower-cased: the function lower-cases what it gets
  return f;
}

const SPEAKERS = new Set(['i', 'we']);
// read as adjectives after "I am" ("I am organised"), but after "the session was" a step
const DONE_TO = new Set(['organised', 'organized']);
// "was asked to", "was supposed to": a duty; "was moved to", "was sent to" say where a thing went
const DUTY =
  /^(?:asked|told|tasked|supposed|expected|required|forced|allowed|meant|encouraged|invited|chosen|selected|hired|needed|designed|built|made|used|pressured|paid|trained|instructed|advised|urged|ordered|scheduled|planned|set|due|able|brought|sent)$/;
// "got tired", "got used to": a feeling or habit, not something done to a thing
const FEELINGS =
  /^(?:used|tired|bored|worried|scared|frustrated|annoyed|confused|stressed|involved|married|lost|stuck|hurt|excited|interested|upset)$/;
// Participles that usually describe the scene or a problem ("the form was hidden", "the
// project was delayed") or a duty ("the team was asked to"), not a step somebody took.
const SCENE_PARTICIPLES = new Set([
  'based',
  'located',
  'called',
  'named',
  'known',
  'used',
  'owned',
  'run',
  'managed',
  'staffed',
  'understaffed',
  'overloaded',
  'overwhelmed',
  'flooded',
  'stretched',
  'scattered',
  'hidden',
  'buried',
  'stuck',
  'blocked',
  'delayed',
  'affected',
  'impacted',
  'hit',
  'limited',
  'damaged',
  'lost',
  'missed',
  'ignored',
  'neglected',
  'forgotten',
  'abandoned',
  'broken',
  'frozen',
  'stolen',
  'exposed',
  'mislabelled',
  'mislabeled',
  'outdated',
  'spread',
  'involved',
  'considered',
  'seen',
  'supposed',
  'expected',
  'required',
  'needed',
  'meant',
  'scheduled',
  'planned',
  'due',
  'tasked',
  'promoted',
  'born',
  'raised',
  'left',
  'caught',
  'done',
  'finished',
  'gone',
  'filled',
  'packed',
  'crowded',
  'closed',
  'opened',
  'founded',
  'launched',
]);

/**
 * "the forms were rewritten", "the bug got fixed": a passive step with no owner. The
 * speaker being acted on ("I was asked", "we were given") is a task or a result, a scene
 * participle ("was hidden", "was built in 2019") is context, and "was asked to" / "was
 * supposed to" is a duty.
 */
function isPassiveStep(tokens: string[], aux: number, k: number, participle: string): boolean {
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

function subjectOf(t: string): string | undefined {
  if (t === 'i' || t.startsWith("i'")) return 'i';
  if (t === 'we' || t.startsWith("we'")) return 'we';
  return PERSONAL_SUBJECTS.has(t) ? t : undefined;
}

function isPast(verb: string): boolean {
  if (IRREGULAR_PAST.has(verb) && !AMBIGUOUS_PAST.has(verb)) return true;
  return /[a-z]ed$/.test(verb) && verb.length > 3 && !NOT_PAST.has(verb);
}

// Past verbs that tell what happened to something rather than what someone did.
const CONSEQUENCE =
  /\b(?:which (?:meant|led to|resulted in|cut|saved|brought|reduced|made)|as a result|resulting in|so that (?:the|our|we) [a-z]+ (?:could|ran|went|took|fell|rose|dropped))\b/;
const HAPPENINGS = new Set([
  'failed',
  'crashed',
  'happened',
  'started',
  'stopped',
  'grew',
  'fell',
  'rose',
  'dropped',
  'increased',
  'decreased',
  'changed',
  'slowed',
  'broke',
  'died',
  'went',
  'came',
  'became',
  'arrived',
  'seemed',
  'looked',
  'lasted',
  'took',
  'struggled',
  'complained',
  'suffered',
  'collapsed',
  'expired',
  'leaked',
  'stalled',
  'slipped',
  'missed',
  'lost',
]);
const DETERMINERS = new Set([
  'the',
  'our',
  'my',
  'his',
  'her',
  'their',
  'a',
  'an',
  'one',
  'two',
  'both',
  'every',
  'each',
]);
const ROLE_PREPOSITIONS = new Set(['as', 'at', 'for', 'in', 'on']);
const MEETINGS =
  /^(?:a|an|the) (?:one-to-one|1:1|meeting|call|chat|conversation|talk|word|workshop|session|retro|retrospective)/;
const NOT_PAST = new Set([
  'need',
  'feed',
  'seed',
  'speed',
  'breed',
  'bleed',
  'proceed',
  'succeed',
  'exceed',
  'indeed',
  'shed',
  'bed',
  'red',
  'embed',
  'deed',
  'weed',
  'heed',
  'reed',
  'speed',
  'hundred',
  'based',
  'interested',
  'excited',
  'motivated',
  'dedicated',
  'detailed',
  'experienced',
  'skilled',
  'organised',
  'organized',
  'talented',
  'focused',
  'driven',
]);
const PARTICIPLES = new Set([
  'rewritten',
  'rebuilt',
  'redone',
  'rerun',
  'undone',
  'taken',
  'split',
  'shut',
  'drawn',
  'thrown',
  'withdrawn',
  'broken',
  'frozen',
  'stolen',
  'hidden',
  'forgotten',
  'spoken',
  'begun',
  'bought',
  'dealt',
  'heard',
  'overseen',
  'undertaken',
  'laid',
  'swept',
  'spread',
  'gone',
  'born',
  'hit',
  'given',
  'taken',
  'done',
  'made',
  'built',
  'held',
  'sent',
  'told',
  'written',
  'chosen',
  'brought',
  'kept',
  'put',
  'set',
  'run',
  'found',
  'shown',
  'seen',
  'known',
  'paid',
  'sold',
  'led',
  'cut',
  'shut',
  'spent',
  'won',
  'lost',
  'caught',
  'taught',
  'moved',
  'met',
]);
const PRESENT_VERBS = new Set([
  'am',
  'is',
  'are',
  'do',
  'does',
  'have',
  'has',
  'think',
  'believe',
  'try',
  'find',
  'get',
  'love',
  'like',
  'enjoy',
  'make',
  'take',
  'go',
  'work',
  'see',
  'know',
  'feel',
  'want',
  'need',
  'guess',
  'mean',
  'break',
  'track',
  'read',
  'build',
  'look',
  'say',
  'tell',
  'plan',
  'use',
  'help',
  'keep',
]);
const NOT_VERBS = new Set([
  'and',
  'or',
  'but',
  'the',
  'a',
  'an',
  'to',
  'that',
  'who',
  'which',
  'myself',
  'as',
  'in',
  'on',
  'at',
  'with',
  'for',
  'from',
  'of',
  'all',
  'both',
  'said',
  'me',
  'us',
  'i',
  'we',
  'was',
  'were',
  'not',
  'too',
  'no',
  'so',
  'if',
  'then',
  'because',
  'when',
]);

export interface Weights {
  backward: number;
}
export const DEFAULT_WEIGHTS: Weights = { backward: 2.5 };

/** Score each label for one sentence; higher is more likely. */
export function scores(
  f: Features,
  index: number,
  count: number,
  heading?: Part,
  previous?: Features,
): Record<Label, number> {
  const s: Record<Label, number> = { situation: 0.1, task: 0, action: 0.2, result: 0, other: 0 };
  if (f.code) {
    s.other = 5;
    return s;
  }
  if (heading) s[heading] += 6;
  const nonStory = f.modal || f.habit || (f.generic && !f.iAct) || (f.presentOnly && !f.result);
  if (f.meta) s.other += 3;
  if (f.modal) s.other += 3;
  if (f.habit) s.other += 2.5;
  if (f.generic) s.other += 2;
  if (f.presentOnly) s.other += 1.5;
  if (!f.past && !f.pastState && !f.iAct && !f.weAct && !f.result && !f.time && !f.task) s.other += 0.8;

  if (f.time) s.situation += 2;
  if (f.situation) s.situation += 1.5;
  if (f.pastState) s.situation += 1;
  if (index === 0) s.situation += 0.6;

  if (f.task) {
    s.task += 3;
    // "At my last job I was asked to ...": the assignment is the point, the anchor is scenery
    s.situation -= 0.8;
  }

  if (f.iAct) s.action += 2;
  if (f.weAct) s.action += 1.7;
  if (f.otherAct) s.action += 0.8;
  if (f.passive && !f.pastState) s.action += 1;
  // after the opening, an ownerless passive step ("The forms were rewritten.") is an action
  // told without its actor, not scenery; the opening sentence and anything anchored in time
  // ("the service was deployed in 2019") stay context; so does the closing sentence, which
  // is as often how it ended ("the new starters got set up on day one"), unless it goes on
  // a run of ownerless steps
  const closing = index === count - 1 && !(previous?.passiveAct && !previous.iAct && !previous.weAct);
  if (f.passiveAct && index > 0 && !closing && !f.time && !f.result && !f.change && !f.consequence) s.action += 2;
  if (f.sequence) s.action += 1.2;

  if (f.result) s.result += 2.2;
  if (f.change) s.result += f.number ? 2 : 1;
  if (f.number && (f.change || f.result)) s.result += 0.8;
  if (index === count - 1 && count > 2) {
    s.result += 0.6;
    // A closing sentence in the past that is not another "I did" / "we did" step is usually
    // how things ended. A false "missing result" costs more trust than a missed one, so the
    // last sentence leans towards Result.
    if (!f.iStarts && !f.sequence && !f.passive && (f.past || f.pastState || f.otherAct) && !f.modal && !f.habit) {
      s.result += 1;
    }
  }
  // the closing sentence that is not a step but shows how things went ("The room is full
  // every week now", "I passed all three papers")
  if (index === count - 1 && count > 2 && f.outcome && !f.meta && !f.modal && !f.habit && !f.generic) {
    s.result += 1.5;
  }
  if (index === 0 && f.change && f.number) s.result += 1.5;
  // "I introduced a rule that ... within 24 hours": an action whose detail sounds like an outcome
  if (f.iStarts && !f.change && !f.consequence) s.result -= 1;
  if (f.consequence) s.result += f.number ? 1.5 : 0.5;
  if (nonStory) {
    s.situation -= 1;
    s.action -= 1;
    s.result -= 1;
    s.task -= 1;
  }
  return s;
}

/** The best label sequence under the soft order prior. */
export function decode(all: Record<Label, number>[], w: Weights = DEFAULT_WEIGHTS): Label[] {
  const n = all.length;
  if (n === 0) return [];
  // state = label × furthest story part reached so far (-1 before any), as label * 5 + furthest + 1
  const S = 25;
  const score = new Float64Array(n * S).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(n * S).fill(-1);
  const order = [0, 1, 2, 3, -1]; // by LABELS: situation, task, action, result, other
  const first = all[0] as Record<Label, number>;
  for (let li = 0; li < 5; li++) {
    const label = LABELS[li] as Label;
    // a result told first is a headline; the story proper still starts from the beginning
    const furthest = label === 'other' || label === 'result' ? -1 : (order[li] as number);
    score[li * 5 + furthest + 1] = first[label];
  }
  const row = new Float64Array(5);
  for (let i = 1; i < n; i++) {
    const sc = all[i] as Record<Label, number>;
    for (let li = 0; li < 5; li++) row[li] = sc[LABELS[li] as Label];
    const base = (i - 1) * S;
    for (let from = 0; from < S; from++) {
      const pc = score[base + from] as number;
      if (pc === Number.NEGATIVE_INFINITY) continue;
      const furthest = (from % 5) - 1;
      for (let li = 0; li < 5; li++) {
        let value = pc + (row[li] as number);
        let nf = furthest;
        const ord = order[li] as number;
        if (ord >= 0) {
          if (ord < furthest) value -= w.backward * Math.sqrt(furthest - ord);
          if (ord > nf) nf = ord;
        }
        const to = i * S + li * 5 + nf + 1;
        if (value > (score[to] as number)) {
          score[to] = value;
          back[to] = from;
        }
      }
    }
  }
  let best = 0;
  const last = (n - 1) * S;
  for (let st = 1; st < S; st++) if ((score[last + st] as number) > (score[last + best] as number)) best = st;
  const out: Label[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = LABELS[Math.floor(best / 5)] as Label;
    best = i > 0 ? (back[i * S + best] as number) : 0;
  }
  return out;
}
