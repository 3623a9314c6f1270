// Turning an analysis into words for a person: at most three suggestions, highest value
// first, each pointing at the author's own sentence, plus one thing done well.
import type { Analysis, Detail } from './analysis';
import type { Part } from './label';
import { NO_EXAMPLE } from './lexicon';
import { clip, LENGTH_AIM, PARTS } from './text';

const PART_NAME: Record<Part, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };
const LETTER: Record<Part, string> = { situation: 'S', task: 'T', action: 'A', result: 'R' };
// Per 100 words, and at least twice: below this nobody notices, and one "maybe" in a
// 30-word answer is not a habit.
const FILLER_LIMIT = 4;
const HEDGE_LIMIT = 3;
const MIN_TIMES = 2;
const MIN_WORDS = 30;

function q(text: string | undefined): string {
  // the closing punctuation of the quoted sentence would clash with the sentence around it
  return `"${clip(text ?? '', 80).replace(/[.!?]+$/, '')}"`;
}

const NOT_A_STORY: Record<string, string> = {
  hypothetical: 'it says what you would do, not what you did on one occasion.',
  habit: 'it says what you usually do, not what happened on one occasion.',
  generic: 'it describes you in general terms instead of telling one specific time.',
  'no past event': 'it does not tell something that happened on one occasion.',
};

type Built = { suggestions: string[]; praise: string; feedback: string[] };

const only = (suggestion: string, feedback: string): Built => ({
  suggestions: [suggestion],
  praise: '',
  feedback: [feedback],
});

/** Answers the check cannot read at all: empty, symbols or code only, not English. */
function unreadable(d: Detail): Built | undefined {
  if (d.nonStoryKind === 'empty') {
    return only(
      'Write your answer as a short story: when it happened, what you had to do, what you did, and what changed.',
      'There is nothing to read yet: write a few sentences about one real time this happened.',
    );
  }
  if (d.nonStoryKind === 'no words' || d.nonStoryKind === 'code') {
    const what = d.nonStoryKind === 'code' ? 'code' : 'symbols or emoji';
    return only(
      'Tell it in words, as you would say it aloud: when it happened, what you had to do, what you did, and what changed.',
      `There is nothing to check yet: this answer is ${what} only, and the STAR check reads a story told in words.${d.nonStoryKind === 'code' ? ' Code can back up a story, not replace it.' : ''}`,
    );
  }
  if (d.nonStoryKind === 'not english') {
    return only(
      'Write the answer in English to get STAR feedback: the check only reads English for now.',
      'This answer could not be checked: it does not look like English, and the STAR check reads English only.',
    );
  }
  return undefined;
}

/** An answer that is no story yet: what to tell instead, quoting the sentence that shows it. */
function notStorySuggestions(a: Analysis, d: Detail, s: string[]): void {
  const noExample = d.texts.find((t) => NO_EXAMPLE.test(t));
  const k = d.texts.findIndex(
    (_, i) => d.features[i]?.modal === true || d.features[i]?.habit === true || d.features[i]?.generic === true,
  );
  const example = k >= 0 ? d.texts[k] : d.texts[0];
  if (d.nonStoryKind === 'hypothetical') {
    s.push(
      `Tell one real time instead of a plan: ${q(example)} says what you would do. Pick one occasion and say when it was, what you did, and how it turned out.`,
    );
  } else if (d.nonStoryKind === 'habit') {
    s.push(
      `Swap the habit for one occasion: ${q(example)} is what you usually do. Describe one specific time: when, what you did, what changed.`,
    );
  } else if (noExample) {
    s.push(
      `Any real example beats none: instead of ${q(noExample)}, think of one time at work, study, sport or volunteering that comes close, and tell what you did.`,
    );
  } else {
    s.push(
      `Back it with one story: ${q(example)} is a general claim. Interviewers believe one real example more: when it was, what you did, what changed.`,
    );
  }
  if (a.length === 'too short')
    s.push(`At ${a.wordCount} words there is room for the story: ${AIM}, most of them on what you did.`);
}

/** The story itself: its actions, then its result (with no action, the steps come first). */
function actionAndResult(a: Analysis, d: Detail, s: string[]): void {
  const lastAction = [...a.parts.action.sentences].pop();
  if (a.parts.action.status === 'missing') {
    s.push(
      `Say what you did, step by step: the answer sets the scene (${q(a.parts.situation.sentences[0] ?? d.texts[0])}) but no sentence says which actions you took.`,
    );
  } else if (a.parts.action.status === 'unclear') {
    s.push('Make your steps stand out: say plainly what you did, one sentence per step, starting with "I".');
  }
  if (d.resultAlert === 'missing') {
    s.push(
      lastAction
        ? `Add the Result: after ${q(lastAction)}, say what changed because of it, ideally with a number (time saved, % change, before and after).`
        : 'Finish with the Result: how it ended and what changed because of what you did, ideally with a number.',
    );
  } else if (d.resultAlert === 'unclear') {
    // some sentence may already be the outcome: ask for it plainly, without saying it is absent
    s.push(
      d.resultCandidate
        ? `Make the outcome explicit: if ${q(d.resultCandidate)} is how it turned out, say plainly what changed because of your actions, with a number if you can.`
        : "Make the outcome explicit: if it isn't there yet, end with what changed because of what you did, with a number if you can.",
    );
  } else if (d.lessonOnly) {
    s.push(
      `You close on what you learned (${q(d.lessonOnly)}), a good ending. If you can, also say what happened because of what you did: how it ended, ideally with a number.`,
    );
  }
}

/** Details of a story: whose the actions are, a number, the context and the task. */
function storyDetails(a: Analysis, d: Detail, s: string[]): void {
  if (a.parts.action.present && a.ownership.flagged) {
    const example = a.parts.action.sentences[0];
    const f = d.features[d.texts.indexOf(example ?? '')];
    // "The forms were rewritten" names no one at all; "We rewrote the forms" names the team
    const whose = f?.passiveAct && !f.hasWe ? 'does not say who did it' : 'tells what the team did';
    s.push(
      `Make your part visible: ${q(example)} ${whose}. Add what you did yourself, in sentences that start with "I".`,
    );
  }
  if (a.parts.result.present && !a.resultMeasured && !d.lessonOnly) {
    s.push(
      `Put a number on the result: ${q(a.parts.result.sentences[0])}. How much, how many or how fast, before and after?`,
    );
  }
  // an unclear Situation or Task gets nothing: telling someone to add what they said costs
  // more than a detail left unsaid
  if (a.parts.situation.status === 'missing') {
    s.push(
      `Open with one sentence of context (when and where this was, and what was at stake) before ${q(d.texts[0])}.`,
    );
  }
  if (a.parts.task.status === 'missing') {
    s.push(
      `Say what your goal or responsibility was ("My job was to ..." or "I was asked to ..."), ${a.parts.action.sentences[0] ? `just before ${q(a.parts.action.sentences[0])}` : 'right after the context'}.`,
    );
  }
}

function lengthNote(a: Analysis, s: string[]): void {
  if (a.length === 'too short') {
    s.push(`At ${a.wordCount} words it is very brief: ${AIM}, spending most of them on your actions.`);
  } else if (a.length === 'short') {
    s.push(`At ${a.wordCount} words it is on the short side: ${AIM}, so add detail to your steps.`);
  } else if (a.length === 'too long' || a.length === 'long') {
    s.push(
      `At ${a.wordCount} words it runs long (${AIM}): keep the context to one or two sentences and spend the words on your actions and the result.`,
    );
  }
}

export function buildFeedback(a: Analysis, d: Detail): Built {
  const early = unreadable(d);
  if (early) return early;
  const s: string[] = [];
  if (!a.story) notStorySuggestions(a, d, s);
  else {
    actionAndResult(a, d, s);
    storyDetails(a, d, s);
    lengthNote(a, s);
  }
  const suggestions = s.slice(0, 3);
  // "only mentioned when high" must hold even when three suggestions are already queued: the
  // note then takes the third place. That place always holds a detail (a number, context,
  // the task, length): at most two suggestions are about the story itself (the actions or
  // their owner, and the result; or "tell a story" alone).
  const delivery = deliveryNote(a, d);
  if (delivery) suggestions.splice(2, 1, delivery);

  const praise = pickPraise(a, d);
  const judgement = a.story
    ? 'This is a real story: one specific episode from your past, which is what the question asks for.'
    : `This is not a story yet: ${NOT_A_STORY[d.nonStoryKind ?? 'no past event']}`;
  const fit = fitNote(a);
  return {
    suggestions,
    praise,
    feedback: [judgement, ...(fit ? [fit] : []), ...suggestions, ...(praise ? [`Done well: ${praise}`] : [])],
  };
}

/** A gentle word when the story does not seem to be about what the question asks. */
export function fitNote(a: Analysis): string | undefined {
  if (!a.fit || a.fit.fits) return undefined;
  return `The question asks about ${a.fit.asks}, and this story does not seem to be about that. If it is, make it plain early on; if not, a story about ${a.fit.asks} will answer the question more directly.`;
}

/** Fillers and hedges, only when there are enough of them to be heard. */
function deliveryNote(a: Analysis, d: Detail): string | undefined {
  if (a.wordCount < MIN_WORDS) return undefined;
  const fillers = a.fillerDensity >= FILLER_LIMIT && d.fillers.length >= MIN_TIMES;
  const hedges = a.hedgeDensity >= HEDGE_LIMIT && d.hedges.length >= MIN_TIMES;
  if (!fillers && !hedges) return undefined;
  const words = [...(fillers ? d.fillers : []), ...(hedges ? d.hedges : [])];
  const common = mostCommon(words, 3)
    .map((w) => `"${w.replace(/^,\s*|,$/g, '')}"`)
    .join(', ');
  const per100 = Math.round((fillers ? a.fillerDensity : 0) + (hedges ? a.hedgeDensity : 0));
  if (fillers && hedges)
    return `Cut the fillers and hedges (${common}): about ${per100} in every 100 words make the story sound unsure.`;
  if (hedges)
    return `Drop the hedges (${common}): about ${per100} in every 100 words make the story sound unsure. Say what you did plainly.`;
  return `Cut the fillers (${common}): about ${per100} in every 100 words get in the way of the story.`;
}

function pickPraise(a: Analysis, d: Detail): string {
  if (a.story) {
    const measured = a.parts.result.sentences.find((_, k) => {
      const i = d.texts.indexOf(a.parts.result.sentences[k] as string);
      return d.features[i]?.number === true;
    });
    if (measured) return `the result is measured: ${q(measured)}.`;
    const mine = a.parts.action.sentences.filter((t) => d.features[d.texts.indexOf(t)]?.hasI);
    if (mine.length >= 2) return `you say what you did yourself, for example ${q(mine[0])}.`;
    if (PARTS.every((p) => a.parts[p].present)) return 'all four parts are there, in an order that is easy to follow.';
    const sceneIdx = d.labels.findIndex((l, i) => l === 'situation' && d.features[i]?.time);
    if (sceneIdx >= 0) return `you anchor it in a real time and place: ${q(d.texts[sceneIdx])}.`;
    if (a.parts.result.present) return `you say how it ended: ${q(a.parts.result.sentences[0])}.`;
    return 'you picked a real, specific episode rather than a general claim, which is what interviewers listen for.';
  }
  // a non-story is praised only for what it visibly does: a concrete detail
  const concrete = d.texts.find((_, i) => d.features[i]?.number && d.features[i]?.words >= 6);
  if (concrete && a.readable !== false) return `you bring a concrete detail: ${q(concrete)}.`;
  return '';
}

const AIM = `aim for ${LENGTH_AIM.from} to ${LENGTH_AIM.to} words (one to two minutes spoken)`;

function mostCommon(words: string[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(([w]) => w);
}

/** Feedback as neutral chat markdown (bold, `- ` lists, quotes), compact enough for a DM. */
export function renderFeedback(a: Analysis): string {
  const lines: string[] = [];
  lines.push(
    a.readable === false
      ? '**STAR check: not scored**'
      : `**STAR check: ${a.checks.passed} of ${a.checks.total}** · ${markerOf(a).text}`,
  );
  const [judgement, ...rest] = a.feedback;
  if (judgement) lines.push(judgement);
  const fit = fitNote(a);
  if (fit) lines.push(fit);
  const found = PARTS.filter((p) => a.parts[p].present);
  if (a.story && found.length) {
    lines.push('');
    for (const p of found) lines.push(`> **${LETTER[p]}** ${clip(a.parts[p].sentences[0] ?? '', 70)}`);
  }
  if (a.suggestions.length) {
    lines.push('', '**To make it stronger**');
    for (const s of a.suggestions) lines.push(`- ${s}`);
  }
  const done = rest.find((l) => l.startsWith('Done well: '));
  if (done) lines.push('', `**Done well:** ${done.slice('Done well: '.length)}`);
  return lines.join('\n');
}

/**
 * The public marker on an answer: which parts are present, nothing more. A Result the
 * analyser is unsure about shows "R ?": only a confident absence shows ✗ to the group.
 * Reactions carry the present parts only.
 */
export function markerOf(a: Analysis): { text: string; emoji: string[] } {
  // analyses stored before part statuses (or resultStatus) existed have none: read them as before
  const unclear = (p: Part) =>
    a.parts[p].status === undefined ? p === 'result' && a.resultStatus === 'unclear' : a.parts[p].status === 'unclear';
  const sign = (p: Part) => (a.parts[p].present ? '✓' : unclear(p) ? '?' : '✗');
  return {
    text: PARTS.map((p) => `${LETTER[p]} ${sign(p)}`).join(' · '),
    emoji: PARTS.filter((p) => a.parts[p].present).map((p) => `regional_indicator_${LETTER[p].toLowerCase()}`),
  };
}

export { PART_NAME };
