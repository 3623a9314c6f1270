// Is the answer a story at all: one specific past episode, not a habit, a plan or a view?
// The word-level reading (judgeStory) says why; a small learned answer model (the `story`
// weights in weights.json) makes the call from the same signals and the sentence model's.
import type { Detail } from './analysis';
import type { Features, Label } from './label';
import { EPISODE_ANCHORS, GENERAL_SPANS, NO_EXAMPLE } from './lexicon';
import { model } from './model';
import { roleOnlyOf } from './role';
import { clip } from './text';
import { isPresentRole, type Vector } from './vector';

export type StoryJudgement = { story: boolean; kind: Detail['nonStoryKind']; reason: string };

type Counts = { hypothetical: number; habit: number; generic: number };

/** Which non-story kind the sentences lean to, and why, quoting the first sentence of it. */
function nonStoryOf(counts: Counts, firstOf: Partial<Record<keyof Counts, string>>): StoryJudgement {
  const kind = (Object.keys(counts) as (keyof typeof counts)[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  const example = firstOf[kind];
  if (!example) {
    return {
      story: false,
      kind: 'no past event',
      reason: 'It does not describe something that happened on one occasion: no past event is told.',
    };
  }
  const reason =
    kind === 'hypothetical'
      ? `It says what you would do ("${clip(example)}") rather than what you did on one occasion.`
      : kind === 'habit'
        ? `It describes what you usually do ("${clip(example)}") rather than one time it happened.`
        : `It describes you or your views in general ("${clip(example)}") rather than telling one specific time.`;
  return { story: false, kind, reason };
}

/** How many sentences read as a plan, a habit or a general claim, and the first of each. */
function nonStoryCounts(
  feats: Features[],
  texts: string[],
): { counts: Counts; firstOf: Partial<Record<keyof Counts, string>> } {
  const counts: Counts = { hypothetical: 0, habit: 0, generic: 0 };
  const firstOf: Partial<Record<keyof Counts, string>> = {};
  feats.forEach((f, i) => {
    const kind = f.modal ? 'hypothetical' : f.habit ? 'habit' : f.generic || f.presentOnly ? 'generic' : undefined;
    if (kind && !(f.iAct || f.weAct) && !f.meta) {
      counts[kind]++;
      firstOf[kind] ??= texts[i];
    }
  });
  return { counts, firstOf };
}

export function judgeStory(feats: Features[], labels: Label[], texts: string[]): StoryJudgement {
  if (texts.length === 0) return { story: false, kind: 'empty', reason: 'There is no answer text to read.' };
  const whole = texts.join('\n');
  if (!/\p{L}/u.test(whole)) {
    return { story: false, kind: 'no words', reason: 'There are no words to read, only symbols or emoji.' };
  }
  if (feats.every((f) => f.code) || looksLikeCode(whole)) {
    return { story: false, kind: 'code', reason: 'It is code, not an answer told in words.' };
  }
  if (!looksEnglish(whole)) {
    return {
      story: false,
      kind: 'not english',
      reason: 'It does not look like English, and the STAR check reads English answers only.',
    };
  }
  let storyLike = 0;
  let pastEvent = false;
  const { counts, firstOf } = nonStoryCounts(feats, texts);
  feats.forEach((f, i) => {
    // a sentence that opens on the speaker's own past deed ("I repaired the printer.") is part
    // of a story even where the sentence model reads it as no part
    if (labels[i] !== 'other' || (f.iAct && f.iStarts && !f.modal && !f.habit && !f.meta)) {
      storyLike++;
      if (f.past || f.pastState || f.iAct || f.weAct) pastEvent = true;
    }
  });
  const nonStory = counts.hypothetical + counts.habit + counts.generic;
  // "Last year the team had a conflict. My manager asked me to fix it. I would talk to both
  // sides...": the scene is real but the speaker's own part is only plans
  const ownDeeds = feats.some((f) => f.iAct || f.weAct || (f.hasI && (f.past || f.pastState) && !f.ownModal));
  const ownPlans = feats.filter((f) => f.ownModal).length;
  if (pastEvent && storyLike > nonStory && (ownDeeds || ownPlans < 2)) {
    const anchor = texts[labels.findIndex((l) => l !== 'other')] ?? '';
    return { story: true, kind: undefined, reason: `It tells one specific past episode, starting "${clip(anchor)}".` };
  }
  return nonStoryOf(counts, firstOf);
}

const FUNCTION_WORDS = new Set(
  'the a an and i we to of in was were my our it that for on with at is so then as by this be had have he she they me us'.split(
    ' ',
  ),
);

/** Most lines end in braces or semicolons, or are made of code punctuation. */
export function looksLikeCode(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  const codeLike = lines.filter((l) => /[{};]\s*$|^\s*(?:\/\/|#include|import |def |return\b)|=>|\)\s*\{/.test(l));
  return lines.length > 0 && codeLike.length / lines.length >= 0.6;
}

/** Any English answer is full of function words; other languages (and code) are not. */
export function looksEnglish(input: string): boolean {
  // a sample is enough to tell the language, and keeps long answers fast
  const text = input.length > SAMPLE ? input.slice(0, SAMPLE) : input;
  let letters = 0;
  let latin = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) {
      latin++;
      letters++;
    } else if (c > 127 && /\p{L}/u.test(ch)) letters++;
  }
  if (letters >= 4 && latin / letters < 0.5) return false;
  const words = text.toLowerCase().match(/[a-z\u00c0-\u024f]+/g) ?? [];
  if (words.length < 4) return true;
  let hits = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length >= 0.08;
}

const SAMPLE = 800;

/**
 * The speaker's own part told mostly as plans or habits ("I would check the dose..."): a
 * scene and an outcome around it do not make it a story of what they did.
 */
function onlyPlans(feats: Features[]): boolean {
  const plans = feats.filter((f) => f.ownModal).length;
  // the team's deeds are the speaker's too ("we launched it in San Francisco")
  const deeds = feats.filter((f) => (f.iAct || f.weAct || (f.hasI && f.past)) && !f.ownModal && !f.habit).length;
  return plans >= 2 && plans > deeds;
}

/**
 * "I can't really think of a time I made a mistake": an answer that opens by saying there is
 * no example, and then tells at most one deed, is a refusal however it goes on.
 */
function refusalOf(feats: Features[], texts: string[]): StoryJudgement | undefined {
  const at = texts.slice(0, 2).findIndex((t) => NO_EXAMPLE.test(t.replace(/[’‘]/g, "'")));
  if (at < 0) return undefined;
  const deeds = feats.filter((f) => (f.iAct || f.weAct) && !f.modal && !f.habit).length;
  if (deeds > 1) return undefined;
  return {
    story: false,
    kind: 'no past event',
    reason: `It says there is no example to tell ("${clip(texts[at] as string)}") rather than telling one time it happened.`,
  };
}

const FINAL: Detail['nonStoryKind'][] = ['empty', 'no words', 'code', 'not english'];

/** The answer-level reading the story model weighs. */
export function storyVector(feats: Features[], probs: Record<Label, number>[], texts: string[], rule: boolean): Vector {
  const n = Math.max(1, feats.length);
  const share = (pred: (f: Features, i: number) => boolean) => feats.filter(pred).length / n;
  const v: Vector = new Map([['bias', 1]]);
  texts = texts.map((t) => t.replace(/[’‘]/g, "'"));
  if (rule) v.set('rule', 1);
  const flags: (keyof Features)[] = [
    'past',
    'pastState',
    'iAct',
    'weAct',
    'otherAct',
    'modal',
    'habit',
    'generic',
    'presentOnly',
    'time',
    'meta',
    'hasI',
    'hasWe',
    'number',
    'task',
    'result',
  ];
  for (const k of flags) {
    const x = share((f) => Boolean(f[k]));
    if (x > 0) v.set(`share:${k}`, x);
    if (x > 0) v.set(`any:${k}`, 1);
  }
  v.set('content', probs.reduce((a, p) => a + (1 - p.other), 0) / n);
  v.set('maxAction', Math.max(0, ...probs.map((p) => p.action)));
  v.set('maxSituation', Math.max(0, ...probs.map((p) => p.situation)));
  v.set('maxResult', Math.max(0, ...probs.map((p) => p.result)));
  const you = texts.filter((t) => /\byou(?:r|'re|'ll)?\b/i.test(t)).length / n;
  if (you > 0) v.set('share:you', you);
  // present-role and habit sentences ("I am a ...", "I usually ...", "I always make sure ...")
  const role = texts.filter(isPresentRole).length / n;
  if (role > 0) v.set('share:presentRole', role);
  const questions = texts.filter((t) => /\?\s*$/.test(t)).length / n;
  if (questions > 0) v.set('share:question', questions);
  if (texts.some((t) => NO_EXAMPLE.test(t))) v.set('refusal', 1);
  const deeds = feats.filter((f) => (f.iAct || f.weAct) && !f.modal && !f.habit).length;
  v.set(deeds === 0 ? 'deeds:0' : deeds === 1 ? 'deeds:1' : deeds < 4 ? 'deeds:2-3' : 'deeds:4+', 1);
  const pastish = feats.filter((f) => (f.past || f.pastState) && !f.modal && !f.habit).length;
  v.set(pastish === 0 ? 'pastish:0' : pastish < 3 ? 'pastish:1-2' : 'pastish:3+', 1);
  const habitualPast =
    texts.filter((t) => /\b(?:i|we|they|customers?|people) would (?!have\b)[a-z]+/i.test(t)).length / n;
  if (habitualPast > 0) v.set('share:wouldPast', habitualPast);
  const experience = texts.some((t) =>
    /\b(?:for|over) (?:the (?:past|last) )?(?:\d+|a few|several|many|two|three|four|five|ten) years\b/i.test(t),
  );
  if (experience) v.set('experienceSummary', 1);
  const anchored = texts.filter((t) => EPISODE_ANCHORS.test(t)).length;
  if (anchored > 0) v.set('episodeAnchor', 1);
  const spans = texts.filter((t) => GENERAL_SPANS.test(t)).length;
  if (spans > 0) v.set('generalSpan', Math.min(2, spans));
  const words = feats.reduce((a, f) => a + f.words, 0);
  v.set(words < 25 ? 'words:short' : words < 80 ? 'words:mid' : words < 250 ? 'words:long' : 'words:verylong', 1);
  if (feats.length <= 2) v.set('fewSentences', 1);
  return v;
}

export function storyProbability(v: Vector): number | undefined {
  const m = model().story;
  if (!m) return undefined;
  let z = 0;
  for (const [k, x] of v) z += (m.weights[k] ?? 0) * x;
  return 1 / (1 + Math.exp(-z));
}

/** The rule reading, with the story model's call where it has one. */
export function decideStory(
  feats: Features[],
  probs: Record<Label, number>[],
  labels: Label[],
  texts: string[],
): StoryJudgement & { probability: number } {
  const rule = judgeStory(feats, labels, texts);
  if (FINAL.includes(rule.kind)) return { ...rule, probability: 0 };
  const refusal = refusalOf(feats, texts) ?? roleOnlyOf(feats, texts);
  if (refusal) return { ...refusal, probability: 0 };
  if (onlyPlans(feats)) {
    const { counts, firstOf } = nonStoryCounts(feats, texts);
    return { ...nonStoryOf(counts, firstOf), probability: 0 };
  }
  const p = storyProbability(storyVector(feats, probs, texts, rule.story));
  if (p === undefined) return { ...rule, probability: rule.story ? 1 : 0 };
  const story = p >= (model().story?.threshold ?? 0.5);
  if (story === rule.story) return { ...rule, probability: p };
  if (story) {
    const anchor = texts[labels.findIndex((l) => l !== 'other')] ?? texts[0] ?? '';
    return {
      story: true,
      kind: undefined,
      reason: `It tells one specific past episode, starting "${clip(anchor)}".`,
      probability: p,
    };
  }
  const { counts, firstOf } = nonStoryCounts(feats, texts);
  return { ...nonStoryOf(counts, firstOf), probability: p };
}
