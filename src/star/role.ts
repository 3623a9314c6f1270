// A role held is not a story: "In high school I was the president of our robotics team, and
// that was a good leadership experience" describes the speaker, not one time it happened.
import type { Features } from './feature-set';
import { EPISODE_ANCHORS, STATE_VERBS } from './lexicon';
import type { StoryJudgement } from './story';
import { clip } from './text';
import { isPast } from './verbs';

const ROLE_HELD =
  /\bi (?:was|became|served as|started (?:out )?as|went from|'ve been|have been|am|'m) (?:the |an? |our |my |currently )(?!(?:little|bit|lot|few|part of a team)\b)/;

/**
 * "In high school I was the president of our robotics team, and that was a good leadership
 * experience": a role held, told with at most one deed and no occasion named, describes the
 * speaker rather than one time it happened.
 */
export function roleOnlyOf(feats: Features[], texts: string[]): StoryJudgement | undefined {
  const lower = texts.map((t) => t.toLowerCase().replace(/[’‘]/g, "'"));
  const at = lower.findIndex((t) => ROLE_HELD.test(t));
  if (at < 0 || lower.some((t) => EPISODE_ANCHORS.test(t))) return undefined;
  const steps = feats.filter(
    (f) => (f.iAct || f.weAct || f.iStarts || f.passiveAct || f.otherAct) && !f.modal && !f.habit,
  );
  if (Math.max(steps.length, deedCount(lower.join(' '))) > 1) return undefined;
  return {
    story: false,
    kind: 'generic',
    reason: `It describes a role you held ("${clip(texts[at] as string)}") rather than one time it happened.`,
  };
}

/**
 * How many steps the answer tells, counted verb by verb so that run-on speech, where several
 * steps share one sentence, counts them all: a pronoun and a past verb of doing ("i changed",
 * "they gave"), or a passive ("training was changed").
 */
function deedCount(lower: string): number {
  let n = 0;
  for (const m of lower.matchAll(SUBJECT_VERB)) {
    const verb = m[1] as string;
    if (!STATE_VERBS.has(verb) && isPast(verb)) n++;
  }
  for (const m of lower.matchAll(PASSIVE)) if (isPast(m[1] as string)) n++;
  return n;
}
const SUBJECT_VERB =
  /\b(?:i|we|he|she|they)(?:(?: also| then| first| quickly| finally| just| eventually| immediately))? ([a-z]+)\b/g;
const PASSIVE = /\b(?:was|were) ([a-z]+ed)\b/g;
