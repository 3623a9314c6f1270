// Plain words for the model features that chose a sentence's label, so the analysis can say
// why each sentence counted as what it did.
const PHRASES: Record<string, string> = {
  iAct: 'you did something ("I" + a past verb)',
  weAct: 'the team did something ("we" + a past verb)',
  otherAct: 'someone else acted',
  passive: 'a passive past verb',
  passiveAct: 'a step told without who did it',
  past: 'past tense',
  pastState: 'how things were (past state)',
  modal: '"would", "will" or "could"',
  habit: 'a habit ("usually", "always")',
  generic: 'a general claim or view',
  presentOnly: 'present tense only',
  meta: 'talk about the answer itself',
  hasI: 'about you',
  hasWe: 'about the team',
  time: 'a time or place anchor',
  situation: 'scene-setting words',
  task: 'a goal or responsibility',
  taskWide: 'what you had to do or were responsible for',
  obligation: 'something that had to be done',
  'obligation:early': 'something that had to be done, before your steps',
  goalFrame: 'a goal or problem named',
  'goalFrame:early': 'a goal or problem named, before your steps',
  wanted: 'what was wanted or asked of you',
  workOut: 'a problem to work out',
  'workOut:obliged': 'a problem you had to work out',
  ownAim: 'what you set out or had to do',
  'ownAim:early': 'what you set out or had to do, before your steps',
  'taskCue:beforeDeed': 'a goal or duty just before your first step',
  result: 'outcome words',
  change: 'a change ("reduced", "grew")',
  number: 'a number',
  measure: 'a measured amount',
  sequence: 'a sequence word ("first", "then")',
  iStarts: 'opens on your own step',
  consequence: 'a consequence ("as a result")',
  outcome: 'a sign of how it turned out',
  lesson: 'a lesson or what you learned',
  sceneWithI: 'where you were at the time',
  preamble: 'an opening remark',
  weOnly: '"we" without "I"',
  dateOnly: 'a date',
  presentOutcome: 'how things are now',
  question: 'a question',
  first: 'it opens the answer',
  last: 'it closes the answer',
  only: 'the only sentence',
  second: 'early in the answer',
  penultimate: 'near the end',
  'heading:situation': 'your "Situation" label',
  'heading:task': 'your "Task" label',
  'heading:action': 'your "Action" label',
  'heading:result': 'your "Result" label',
};

/** Readable reasons for feature names; position bins and single words read generically. */
export function explain(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const p =
      PHRASES[n] ??
      (n.startsWith('prev:')
        ? 'what came just before'
        : n.startsWith('next:')
          ? 'what comes next'
          : n.startsWith('pos')
            ? 'where it sits in the answer'
            : n.startsWith('w1:') || n.startsWith('w12:')
              ? `it opens with "${n.slice(n.indexOf(':') + 1)}"`
              : undefined);
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}
