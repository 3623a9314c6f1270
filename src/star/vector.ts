// What the sentence model sees of one sentence: named features with values. The word-level
// readings of label.ts (tense, who acts, cue phrases, numbers) and the rule scores built on
// them, the sentence's place in the answer, its neighbours, and a few words. Every name is
// readable, so a label can be explained by the features that chose it.
import { withoutLeadingFillers } from './fillers';
import type { Features, Label } from './label';
import { PLAIN_RESULT, WITHIN_TIME } from './lexicon';
import type { Segment } from './split';
import { GOAL_FRAME, OBLIGATION, OWN_AIM, WANTED, WORK_OUT } from './task-cues';

export type Vector = Map<string, number>;

const FLAGS: (keyof Features)[] = [
  'iAct',
  'weAct',
  'otherAct',
  'passive',
  'passiveAct',
  'past',
  'pastState',
  'modal',
  'habit',
  'generic',
  'presentOnly',
  'meta',
  'hasI',
  'hasWe',
  'time',
  'situation',
  'task',
  'result',
  'change',
  'number',
  'sequence',
  'iStarts',
  'consequence',
];
const LABELS: Label[] = ['situation', 'task', 'action', 'result', 'other'];
const NEIGHBOUR_FLAGS: (keyof Features)[] = ['iAct', 'weAct', 'time', 'task', 'result', 'change', 'modal', 'habit'];

// Extra cues the word-level readings do not carry.
const LESSON =
  /\b(?:learn(?:ed|t)|lessons?|taught me|grew (?:from|as)|helped me grow|takeaway|looking back|in hindsight|since then|ever since|from then on|to this day|now i (?:always|make sure|try)|i now (?:always|make sure|try)|realis(?:e|ed)|realiz(?:e|ed)|moving forward|going forward)\b/;
// a lesson told as such, not only a time marker: "since then" closes a lesson only when the
// speaker's own habit follows ("Since then I always ..."); "The job has run clean since then"
// is how things turned out
const LESSON_PROPER =
  /\b(?:learn(?:ed|t)|lessons?|taught me|takeaway|looking back|in hindsight|realis(?:e|ed)|realiz(?:e|ed)|moving forward|going forward|(?:now|since then|ever since|from then on|to this day),? i (?:now )?(?:always|make sure|try|never|check|ask|double-check|keep)|i (?:now|still) (?:always|make sure|try))\b/;

/** The sentence closes on a lesson or the speaker's new habit, not on what changed. */
export function isLesson(text: string): boolean {
  return LESSON_PROPER.test(text.toLowerCase().replace(/[’‘]/g, "'"));
}
const SCENE_WITH_I =
  /^\W*(?:(?:so|and|well|um|uh|okay|ok),? )*(?:i was (?:working|a|an|the|at|in|on|part|one|hired|brought|new|still|leading|managing|running)|i worked (?:at|as|in|for|on)|i(?:'d| had) (?:just|recently) (?:joined|started|moved)|i (?:joined|started at|moved to)|i (?:am|was) currently|i'm (?:currently|a|an))\b/;
const PREAMBLE =
  /^\W*(?:(?:sure|yes|yeah|okay|ok|so|well|um|uh|absolutely|great|good)\b[ ,.!]*)*(?:(?:that's a )?(?:good|great|tough|interesting) question|let me think|i'd say|i can think of|one (?:example|time) (?:that|i)|(?:a|one) (?:good |great )?example (?:would be|of this|is|was)|the (?:example|time|story|situation) (?:i|that) (?:want|would|will|can))/;
// goals and responsibilities told more loosely than label.ts's task cues
const TASK_WIDE =
  /\b(?:(?:my|our|the) (?:\w+ ){0,4}?(?:role|job|task|goal|aim|responsibility|objective|mission|assignment|brief|challenge|priority|focus|mandate)s? (?:(?:\w+ ){0,5}?)(?:was|is|were|became) (?:to|that|making|getting|building|ensuring|about)|(?:i|we)(?: was|'m| am| were|'re| are)? (?:responsible|in charge|accountable|tasked|charged|assigned|asked|expected|supposed|brought in|hired|chosen|selected|given the (?:task|job|responsibility)|the one responsible)\b|(?:i|we) (?:had|needed|have|need|wanted|want|was trying|were trying|tried|aimed|set out) to (?!be\b)|(?:it|this) (?:was|fell|came down) (?:up )?(?:to|on) (?:me|us)|(?:i|we) (?:took|take) (?:on|over|ownership|responsibility|the lead|charge)|(?:i|we) (?:own|owned) (?:the|this|that)|(?:so|and) the (?:question|challenge|problem) (?:was|became) (?:how|what|whether)|what (?:i|we) (?:had|needed|wanted) to do)/;
const PRESENT_ROLE =
  /^\W*(?:(?:so|and|well|um|uh|yeah|okay|ok),? )*(?:i(?: am|'m) (?:a|an|the|currently|also|pretty|very|really|always|usually|someone|involved|in charge|responsible)|i (?:usually|always|normally|typically|generally|tend to|try to|make sure|like to|love to|enjoy)|as an? [a-z]+,? i (?:usually|always|make sure|try|tend))\b/;
/** A sentence about the speaker's present role or habits ("I am a ...", "I usually ..."): no episode. */
export function isPresentRole(text: string): boolean {
  return PRESENT_ROLE.test(text.toLowerCase().replace(/[’‘]/g, "'"));
}
const WE_SUBJECT = /(?:^|[,;] |\b(?:and|so|then) )we\b/;
const DATE_ONLY = /^(?:[^0-9]*\b(?:19|20)\d\d\b[^0-9]*)$/;
const MEASURE =
  /(?:\d\s?%|\bpercent\b|[$£€]\s?\d|\d+\s?(?:x|k|ms|hours?|days?|weeks?|minutes?|seconds?|users?|customers?|people|points?)\b)/;
const PRESENT_OUTCOME = /\b(?:is|are|has|have) (?:now|still|since)\b|\b(?:still|now|today)\b/;

// feature names built once, not for every sentence
const RULE_NAMES = LABELS.map((l) => `rule:${l}`);
const PREV_NAMES = NEIGHBOUR_FLAGS.map((k) => `prev:${k}`);
const NEXT_NAMES = NEIGHBOUR_FLAGS.map((k) => `next:${k}`);
const HEADING_NAMES = {
  situation: 'heading:situation',
  task: 'heading:task',
  action: 'heading:action',
  result: 'heading:result',
};
const BIN_NAMES = new Map<string, string[]>();

function bin(prefix: string, value: number, edges: number[]): string {
  let i = 0;
  while (i < edges.length && value >= (edges[i] as number)) i++;
  let names = BIN_NAMES.get(prefix);
  if (!names) {
    names = Array.from({ length: edges.length + 1 }, (_, k) => `${prefix}${k}`);
    BIN_NAMES.set(prefix, names);
  }
  return names[i] as string;
}

/** Where the answer's first deed is ("I" or "we" + a past verb of doing), if it has one. */
export function firstDeed(feats: Features[]): number {
  const at = feats.findIndex((f) => f.iAct || f.weAct || f.iStarts);
  return at < 0 ? feats.length : at;
}

/**
 * The cue families of a Task; a duty or goal told before the answer's first deed is read apart
 * from one told among the steps (a sentence's bare place against the first deed was tried and
 * dropped: it cost the hand-written held-out stories their Task).
 */
function taskCues(v: Vector, lower: string, i: number, deed: number): void {
  const before = i < deed;
  const obligation = OBLIGATION.test(lower);
  if (obligation) v.set(before ? 'obligation:early' : 'obligation', 1);
  if (GOAL_FRAME.test(lower)) v.set(before ? 'goalFrame:early' : 'goalFrame', 1);
  if (WANTED.test(lower)) v.set('wanted', 1);
  if (WORK_OUT.test(lower)) v.set(obligation ? 'workOut:obliged' : 'workOut', 1);
  if (OWN_AIM.test(lower)) v.set(before ? 'ownAim:early' : 'ownAim', 1);
  // a duty or goal told just before the first step, where a Task is told
  const cue = obligation || v.has('task') || v.has('taskWide') || v.has('ownAim:early') || v.has('goalFrame:early');
  if (i === deed - 1 && (cue || v.has('wanted'))) v.set('taskCue:beforeDeed', 1);
}

/**
 * The feature vector of sentence i of n. `rule` is label.ts's score of each label; `deed` is
 * the index of the answer's first deed (firstDeed).
 */
export function vectorOf(
  seg: Segment,
  f: Features,
  i: number,
  n: number,
  rule: Record<Label, number>,
  prev: Features | undefined,
  next: Features | undefined,
  deed: number,
): Vector {
  const v: Vector = new Map([['bias', 1]]);
  const lower = seg.text.toLowerCase().replace(/[’‘]/g, "'");
  if (f.code) {
    v.set('code', 1);
    return v;
  }
  for (const k of FLAGS) if (f[k]) v.set(k, 1);
  if (seg.heading) v.set(HEADING_NAMES[seg.heading], 1);
  for (let k = 0; k < 5; k++) {
    const x = rule[LABELS[k] as Label];
    v.set(RULE_NAMES[k] as string, (x < -3 ? -3 : x > 8 ? 8 : x) / 4);
  }
  if (i === 0) v.set('first', 1);
  if (i === n - 1) v.set('last', 1);
  if (n === 1) v.set('only', 1);
  if (i === 1) v.set('second', 1);
  if (i === n - 2 && n > 2) v.set('penultimate', 1);
  v.set(bin('pos', n > 1 ? i / (n - 1) : 0, [0.01, 0.34, 0.67, 0.99]), 1);
  v.set(bin('count', n, [2, 4, 7, 12]), 1);
  v.set(bin('words', f.words, [5, 10, 18, 30, 50]), 1);
  if (f.outcome) v.set('outcome', 1);
  if (LESSON.test(lower)) v.set('lesson', 1);
  if (SCENE_WITH_I.test(lower)) v.set('sceneWithI', 1);
  if (TASK_WIDE.test(lower)) v.set('taskWide', 1);
  if (PREAMBLE.test(lower)) v.set('preamble', 1);
  if (WE_SUBJECT.test(lower) && !f.hasI) v.set('weOnly', 1);
  if (f.number && DATE_ONLY.test(lower)) v.set('dateOnly', 1);
  if (MEASURE.test(lower)) v.set('measure', 1);
  if (PLAIN_RESULT.test(lower)) v.set('plainResult', 1);
  if (WITHIN_TIME.test(lower)) v.set('withinTime', 1);
  if (PRESENT_ROLE.test(lower)) v.set('presentRole', 1);
  if (PRESENT_OUTCOME.test(lower)) v.set('presentOutcome', 1);
  if (/\?\s*$/.test(seg.text)) v.set('question', 1);
  taskCues(v, lower, i, deed);
  for (let k = 0; k < NEIGHBOUR_FLAGS.length; k++) {
    const flag = NEIGHBOUR_FLAGS[k] as keyof Features;
    if (prev?.[flag]) v.set(PREV_NAMES[k] as string, 1);
    if (next?.[flag]) v.set(NEXT_NAMES[k] as string, 1);
  }
  if (!prev) v.set('prev:none', 1);
  if (!next) v.set('next:none', 1);
  // "Umm so I ...", "uh and then we ...": the opening words after any spoken filler
  const opener = /^[^a-z]*([a-z']+)(?:[^a-z]+([a-z']+))?/.exec(withoutLeadingFillers(lower));
  if (opener?.[1]) v.set(`w1:${opener[1]}`, 1);
  if (opener?.[2]) v.set(`w12:${opener[1]} ${opener[2]}`, 1);
  return v;
}
