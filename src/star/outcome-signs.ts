// Signs that a sentence tells how things turned out, read from the sentence model's own
// features: the same reading keeps a plain step from being labelled the Result, and keeps
// a plain closing step from counting as a likely Result when the analyser decides whether
// to say "Add the Result".
import type { Features, Label } from './feature-set';
import type { Vector } from './vector';

const OUTCOME_SIGNS = [
  'outcome',
  'result',
  'change',
  'consequence',
  'lesson',
  'measure',
  'presentOutcome',
  'plainResult',
  'withinTime',
];

/** The sentence tells a step: the speaker's or the team's deed, or a passive one. */
export function isStep(f: Features): boolean {
  return f.iAct || f.weAct || f.iStarts || f.passiveAct || (f.passive && !f.pastState);
}

/**
 * The outcome signs the sentence shows. In a step, a change verb is the step itself ("so I cut
 * it to one page") unless measured, and how soon is the step's detail ("a rule that feedback
 * was due within 24 hours").
 */
export function outcomeSigns(f: Features, v: Vector): string[] {
  const step = isStep(f);
  return OUTCOME_SIGNS.filter(
    (k) => v.has(k) && !(k === 'change' && step && !f.number) && !(k === 'withinTime' && step),
  );
}

/** A step with no sign of an outcome ("We set up continuous integration"): no Result. */
export function plainStep(f: Features, v: Vector): boolean {
  return isStep(f) && outcomeSigns(f, v).length === 0;
}

/**
 * How likely the answer is to tell its Result, for the confident "Add the Result": the
 * highest Result probability of a sentence that is not a plain step told after another step.
 * One more step placed where a Result usually sits is no sign that the outcome was told; a
 * story's only step may be told as how it ended ("My goal was to make it safe to change. We
 * wrote characterisation tests for the main flows.").
 */
export function resultEvidence(probs: Record<Label, number>[], feats: Features[], vectors: Vector[]): number {
  let best = 0;
  let steps = 0;
  probs.forEach((p, i) => {
    const f = feats[i] as Features;
    if (!(steps > 0 && plainStep(f, vectors[i] as Vector))) best = Math.max(best, p.result);
    if (isStep(f)) steps++;
  });
  return best;
}
