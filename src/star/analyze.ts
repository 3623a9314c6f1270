// analyzeAnswer: one free-text interview answer in, an explainable STAR reading out.
// Pure and deterministic; any string is accepted.

import type { Analysis, Detail, PartStatus } from './analysis';
import { explain } from './explain';
import { features } from './features';
import { buildFeedback } from './feedback';
import { decode, type Features, type Label, type Part, scores } from './label';
import { DUTY_CUES, FILLERS, HEDGES } from './lexicon';
import { decoderOf, model, probabilities, reasons } from './model';
import { judgeMissingResult } from './outcome';
import { isStep, outcomeSigns, resultEvidence } from './outcome-signs';
import { settleParts } from './presence';
import { countWords, type Segment, splitSentences } from './split';
import { decideStory } from './story';
import { LENGTH_AIM, PARTS } from './text';
import { offTopic, topicOf } from './topic';
import { firstDeed, isLesson, type Vector, vectorOf } from './vector';

export type { Analysis, Detail, PartStatus } from './analysis';
export type { Label, Part } from './label';

export interface AnalyzeOptions {
  /** The question answered: a question about a kind of situation lets the check say whether the story fits it. */
  question?: string;
}

export function analyzeAnswer(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeDetailed(text, options).analysis;
}

export function analyzeDetailed(input: string, options: AnalyzeOptions = {}): { analysis: Analysis; detail: Detail } {
  const text = typeof input === 'string' ? input.replace(/\r\n?/g, '\n') : '';
  const { segments, feats, vectors, probs, texts, decoded, byOrder } = readSentences(text);
  const { story, kind, reason, probability } = decideStory(feats, probs, decoded, texts);
  // a non-story has no parts: its sentences are claims, habits or plans, not a scene or steps
  // a story that visibly stops on a step, with no sign of an outcome anywhere, is not given
  // a Result it does not tell (outcome.ts)
  const stops = story && !decoded.includes('result') && judgeMissingResult(feats, decoded, texts).alert === 'missing';
  const settled = story ? settleParts(decoded, probs, stops ? ['result'] : []) : undefined;
  const labels: Label[] = settled
    ? groundTasks(groundResults(settled.labels, feats, vectors), segments)
    : decoded.map(() => 'other');
  const presence = settled?.likelihood ?? { situation: 0, task: 0, action: 0, result: 0 };
  // the confident "Add the Result" reads the Result's likelihood without plain closing steps
  const evidence = story ? resultEvidence(probs, feats, vectors) : 0;

  const parts = Object.fromEntries(
    PARTS.map((p) => {
      const sentences = texts.filter((_, i) => labels[i] === p);
      return [p, { present: sentences.length > 0, sentences, status: 'missing' as PartStatus }];
    }),
  ) as Analysis['parts'];

  // Ownership: whose actions are they?
  let actions = 0;
  let mine = 0;
  labels.forEach((l, i) => {
    if (l !== 'action') return;
    actions++;
    if ((feats[i] as Features).hasI) mine++;
  });
  const ownership = { iShare: actions ? round(mine / actions) : null, flagged: actions > 0 && mine === 0 };

  const resultMeasured = labels.some((l, i) => l === 'result' && (feats[i] as Features).number);
  const wordCount = countWords(text);
  const lowerText = text.toLowerCase().replace(/[’]/g, "'");
  const fillers = lowerText.match(FILLERS) ?? [];
  const hedges = lowerText.match(HEDGES) ?? [];
  const fillerDensity = wordCount ? round((fillers.length / wordCount) * 100) : 0;
  const hedgeDensity = wordCount ? round((hedges.length / wordCount) * 100) : 0;

  // decided before the checks so the checklist can say "unclear" rather than a flat "no"
  const judged = story && !parts.result.present ? judgeMissingResult(feats, labels, texts) : undefined;
  for (const p of PARTS)
    parts[p].status = statusOf(p, parts[p].present, story, probability, p === 'result' ? evidence : presence[p]);
  // the confident "Add the Result" needs the model and the outcome reading to agree
  const missing =
    judged && judged.alert === 'missing' && parts.result.status === 'unclear'
      ? { alert: 'unclear' as const, candidate: judged.candidate }
      : judged;
  if (missing?.alert === 'unclear') parts.result.status = 'unclear';
  const resultStatus: Analysis['resultStatus'] = parts.result.status;

  const items = [
    { name: 'a specific story', passed: story },
    { name: checkName('situation', parts), passed: parts.situation.present },
    { name: checkName('task', parts), passed: parts.task.present },
    {
      name: parts.action.status === 'unclear' ? 'your own actions (unclear)' : 'your own actions',
      passed: parts.action.present && !ownership.flagged,
    },
    { name: checkName('result', parts), passed: parts.result.present },
    { name: 'measured result', passed: resultMeasured },
  ];
  const analysis: Analysis = {
    story,
    storyReason: reason,
    sentences: texts.map((t, i) => ({
      text: t,
      label: labels[i] as Label,
      why: whyOf(vectors[i] as Vector, labels[i] as Label, byOrder[i] === labels[i]),
    })),
    parts,
    resultStatus,
    ownership,
    resultMeasured,
    wordCount,
    length: lengthOf(wordCount),
    fillerDensity,
    hedgeDensity,
    checks: { passed: items.filter((c) => c.passed).length, total: items.length, items },
    readable: !UNREADABLE.has(kind),
    ...fitOf(options.question, story, text),
    suggestions: [],
    praise: '',
    feedback: [],
  };
  const detail: Detail = {
    features: feats,
    labels,
    texts,
    nonStoryKind: kind,
    fillers,
    hedges,
    resultAlert: missing?.alert,
    resultCandidate: missing?.candidate === undefined ? undefined : texts[missing.candidate],
    lessonOnly: lessonOnly(labels, feats, vectors, texts),
    storyProbability: probability,
    partProbability: presence,
    resultEvidence: evidence,
  };
  const fb = buildFeedback(analysis, detail);
  analysis.suggestions = fb.suggestions;
  analysis.praise = fb.praise;
  analysis.feedback = fb.feedback;
  return { analysis, detail };
}

/** Kinds of answer the check cannot read at all: no STAR score is given for them. */
const UNREADABLE = new Set<Detail['nonStoryKind']>(['empty', 'no words', 'code', 'not english']);

/** The sentences, their features and vectors, the model's probabilities and the best labels. */
export function readSentences(text: string) {
  const segments = splitSentences(text);
  const feats = segments.map(features);
  const vectors = sentenceVectors(segments, feats);
  const probs = vectors.map((v) => probabilities(v));
  const texts = segments.map((s) => s.text);
  const sequence = decode(
    probs.map((p) => logOf(p)),
    decoderOf(),
  );
  const decoded = groundResults(sequence, feats, vectors);
  // the labels the order of the answer gave, where the sentence alone reads likelier as another
  const byOrder = sequence.map((l, i) => (l === likeliest(probs[i] as Record<Label, number>) ? undefined : l));
  return { segments, feats, vectors, probs, texts, decoded, byOrder };
}

function likeliest(p: Record<Label, number>): Label {
  return (Object.keys(p) as Label[]).reduce((best, l) => (p[l] > p[best] ? l : best));
}

/** Why the sentence got its label; where the answer's order chose it, that is said too. */
function whyOf(v: Vector, label: Label, ordered: boolean): string[] {
  const why = explain(reasons(v, label));
  return ordered ? [...why.filter((w) => w !== NEIGHBOURS), NEIGHBOURS] : why;
}
const NEIGHBOURS = 'what comes before and after';

/**
 * Rules the labels must obey whatever the model says, each a reading a coach would insist
 * on. A Result shows some sign of how things turned out: a sentence that is plainly another
 * step ("We set up continuous integration") is an Action even where a Result usually sits.
 */
function groundResults(labels: Label[], feats: Features[], vectors: Vector[]): Label[] {
  return labels.map((l, i) => {
    const f = feats[i] as Features;
    const v = vectors[i] as Vector;
    const step = isStep(f);
    const signs = outcomeSigns(f, v);
    const outcome = signs.length > 0;
    // (unless its author headed it "Result": then it is how they say it turned out)
    if (l === 'result' && step && !outcome && !v.has('heading:result')) return 'action';
    // a measured change told first is the headline result ("I increased sign-ups by 300%")
    if (i === 0 && labels.length > 2 && f.change && f.number && !f.time && !v.has('dateOnly')) return 'result';
    // after the opening, an ownerless passive step ("The forms were rewritten") is an
    // action told without its actor, not scenery
    // ("has been rewritten" reads like a lasting state to the outcome cues; here it is the step)
    const passiveOutcome = signs.some((k) => k !== 'outcome');
    if (
      (l === 'situation' || l === 'other') &&
      (i > 0 || labels.length === 1) &&
      f.passiveAct &&
      !f.time &&
      !passiveOutcome &&
      !f.pastState
    )
      return 'action';
    // a sentence that is plainly the speaker's step, with nothing of a scene in it, is no Situation
    const scene = f.time || f.situation || f.pastState || v.has('sceneWithI');
    if (l === 'situation' && (f.iAct || f.weAct) && (f.iStarts || !labels.includes('action')) && !scene)
      return 'action';
    // a time-anchored state ("When I joined, the form was hidden at the bottom") is the scene
    if (l === 'action' && f.time && !f.iStarts && !f.task && (f.pastState || f.passive || f.situation) && !outcome)
      return 'situation';
    return l;
  });
}

/**
 * In a story, a sentence that states a duty outright ("My role in this project is to ...",
 * "I was tasked with ...") is the Task, whatever its tense, unless its author headed it as
 * another part.
 */
function groundTasks(labels: Label[], segments: Segment[]): Label[] {
  return labels.map((l, i) => {
    const seg = segments[i] as Segment;
    if (l === 'task' || seg.code || (seg.heading && seg.heading !== 'task')) return l;
    return DUTY_CUES.test(seg.text.replace(/[’‘]/g, "'")) ? 'task' : l;
  });
}

/** Each sentence's vector for the model: its features, the rule scores, its neighbours. */
export function sentenceVectors(segments: Segment[], feats: Features[] = segments.map(features)): Vector[] {
  const deed = firstDeed(feats);
  return segments.map((seg, i) => {
    const f = feats[i] as Features;
    const rule = scores(f, i, segments.length, seg.heading, feats[i - 1]);
    return vectorOf(seg, f, i, segments.length, rule, feats[i - 1], feats[i + 1], deed);
  });
}

function fitOf(question: string | undefined, story: boolean, text: string): Pick<Analysis, 'fit'> {
  // a reply of a line or two is often the start of a longer answer: too soon to judge its topic
  const kind = story && countWords(text) >= 30 ? topicOf(question) : undefined;
  return kind ? { fit: { asks: kind.asks, fits: !offTopic(kind, text) } } : {};
}

function checkName(p: Part, parts: Analysis['parts']): string {
  return parts[p].status === 'unclear' ? `${p} (unclear)` : p;
}

/**
 * The closing lesson, when every Result sentence is a lesson and none tells what changed. A
 * sentence with a number, a change or a consequence is an outcome even with "since then" in
 * it ("The import has run clean for two months since then"), and an outcome is no lesson.
 */
function lessonOnly(labels: Label[], feats: Features[], vectors: Vector[], texts: string[]): string | undefined {
  const results = labels.flatMap((l, i) => (l === 'result' ? [i] : []));
  if (!results.length) return undefined;
  const lesson = (i: number) => {
    const v = vectors[i] as Vector;
    const f = feats[i] as Features;
    const outcome = f.number || v.has('measure') || v.has('change') || v.has('consequence');
    return v.has('lesson') && isLesson(texts[i] as string) && !outcome;
  };
  return results.every(lesson) ? texts[results[0] as number] : undefined;
}

function logOf(p: Record<Label, number>): Record<Label, number> {
  const l = (x: number) => Math.log(x > 1e-9 ? x : 1e-9);
  return { situation: l(p.situation), task: l(p.task), action: l(p.action), result: l(p.result), other: l(p.other) };
}

/** Present when labelled; missing only when no sentence comes close; unclear in between. */
function statusOf(
  part: Part,
  present: boolean,
  story: boolean,
  storyProbability: number,
  presence: number,
): PartStatus {
  if (present) return 'present';
  // a non-story has none of the parts, when the analyser is sure it is no story
  if (!story) return storyProbability <= model().notStoryBelow ? 'missing' : 'unclear';
  return presence < model().missingBelow[part] ? 'missing' : 'unclear';
}

function lengthOf(words: number): Analysis['length'] {
  if (words < 40) return 'too short';
  if (words < LENGTH_AIM.from) return 'short';
  if (words <= LENGTH_AIM.to) return 'good';
  if (words <= LENGTH_AIM.to * 2) return 'long';
  return 'too long';
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
