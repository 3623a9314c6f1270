// analyzeAnswer: one free-text interview answer in, an explainable STAR reading out.
// Pure and deterministic; any string is accepted.
import { buildFeedback } from './feedback';
import { decode, type Features, features, type Label, type Part, scores } from './label';
import { FILLERS, HEDGES } from './lexicon';
import { judgeMissingResult, type ResultAlert } from './outcome';
import { countWords, splitSentences } from './split';
import { clip, PARTS } from './text';

export type { Label, Part } from './label';

export interface Analysis {
  story: boolean;
  storyReason: string;
  sentences: { text: string; label: Label }[];
  parts: Record<Part, { present: boolean; sentences: string[] }>;
  /**
   * How sure the analyser is about the Result, for what others see: 'present' when a
   * sentence is labelled Result, 'unclear' when none is but one may be the outcome (the
   * softer "make the outcome explicit" suggestion), 'missing' when it is confident there is
   * none (or the answer is not a story). `parts.result.present` stays the labelling.
   */
  resultStatus: 'present' | 'unclear' | 'missing';
  ownership: { iShare: number | null; flagged: boolean };
  resultMeasured: boolean;
  wordCount: number;
  length: 'too short' | 'short' | 'good' | 'long' | 'too long';
  /** fillers ("um", "basically", "you know") per 100 words. */
  fillerDensity: number;
  /** hedges ("kind of", "maybe", "I guess") per 100 words. */
  hedgeDensity: number;
  checks: { passed: number; total: number; items: { name: string; passed: boolean }[] };
  suggestions: string[];
  praise: string;
  feedback: string[];
}

/** Internal detail the feedback needs but the public shape does not carry. */
export interface Detail {
  features: Features[];
  labels: Label[];
  texts: string[];
  nonStoryKind: 'hypothetical' | 'habit' | 'generic' | 'no past event' | 'empty' | 'not english' | undefined;
  fillers: string[];
  hedges: string[];
  /**
   * For a story with no sentence labelled Result: 'missing' when the analyser is confident
   * there is none (the "Add the Result" alert), 'unclear' when a sentence may be the
   * outcome (a softer "make the outcome explicit"). Undefined otherwise.
   */
  resultAlert: ResultAlert | undefined;
  /** The sentence that may be the outcome when resultAlert is 'unclear'. */
  resultCandidate: string | undefined;
}

export function analyzeAnswer(text: string): Analysis {
  return analyzeDetailed(text).analysis;
}

export function analyzeDetailed(input: string): { analysis: Analysis; detail: Detail } {
  const text = typeof input === 'string' ? input.replace(/\r\n?/g, '\n') : '';
  const segments = splitSentences(text);
  const feats = segments.map(features);
  const table = segments.map((seg, i) => scores(feats[i] as Features, i, segments.length, seg.heading, feats[i - 1]));
  const labels = decode(table);
  const texts = segments.map((s) => s.text);

  const parts = Object.fromEntries(
    PARTS.map((p) => {
      const sentences = texts.filter((_, i) => labels[i] === p);
      return [p, { present: sentences.length > 0, sentences }];
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

  const { story, kind, reason } = judgeStory(feats, labels, texts);
  // decided before the checks so the checklist can say "unclear" rather than a flat "no"
  const missing = story && !parts.result.present ? judgeMissingResult(feats, labels, texts) : undefined;
  const resultStatus: Analysis['resultStatus'] = parts.result.present
    ? 'present'
    : missing?.alert === 'unclear'
      ? 'unclear'
      : 'missing';

  const items = [
    { name: 'a specific story', passed: story },
    { name: 'situation', passed: parts.situation.present },
    { name: 'task', passed: parts.task.present },
    { name: 'your own actions', passed: parts.action.present && !ownership.flagged },
    { name: resultStatus === 'unclear' ? 'result (unclear)' : 'result', passed: parts.result.present },
    { name: 'measured result', passed: resultMeasured },
  ];
  const analysis: Analysis = {
    story,
    storyReason: reason,
    sentences: texts.map((t, i) => ({ text: t, label: labels[i] as Label })),
    parts,
    resultStatus,
    ownership,
    resultMeasured,
    wordCount,
    length: lengthOf(wordCount),
    fillerDensity,
    hedgeDensity,
    checks: { passed: items.filter((c) => c.passed).length, total: items.length, items },
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
  };
  const fb = buildFeedback(analysis, detail);
  analysis.suggestions = fb.suggestions;
  analysis.praise = fb.praise;
  analysis.feedback = fb.feedback;
  return { analysis, detail };
}

function judgeStory(
  feats: Features[],
  labels: Label[],
  texts: string[],
): { story: boolean; kind: Detail['nonStoryKind']; reason: string } {
  if (texts.length === 0 || feats.every((f) => f.code)) {
    return { story: false, kind: 'empty', reason: 'There is no answer text to read.' };
  }
  if (!looksEnglish(texts.join(' '))) {
    return {
      story: false,
      kind: 'not english',
      reason: 'It does not look like English, and the STAR check reads English answers only.',
    };
  }
  let storyLike = 0;
  let pastEvent = false;
  const counts = { hypothetical: 0, habit: 0, generic: 0 };
  const firstOf: Partial<Record<keyof typeof counts, string>> = {};
  feats.forEach((f, i) => {
    const kind = f.modal ? 'hypothetical' : f.habit ? 'habit' : f.generic || f.presentOnly ? 'generic' : undefined;
    if (kind && !(f.iAct || f.weAct) && !f.meta) {
      counts[kind]++;
      firstOf[kind] ??= texts[i];
    }
    if (labels[i] !== 'other') {
      storyLike++;
      if (f.past || f.pastState || f.iAct || f.weAct) pastEvent = true;
    }
  });
  const nonStory = counts.hypothetical + counts.habit + counts.generic;
  // "Last year the team had a conflict. My manager asked me to fix it. I would talk to both
  // sides...": the scene is real but the speaker's own part is only plans
  const ownDeeds = feats.some((f) => f.iAct || f.weAct || (f.hasI && (f.past || f.pastState) && !f.modal));
  const ownPlans = feats.filter((f) => f.hasI && f.modal).length;
  if (pastEvent && storyLike > nonStory && (ownDeeds || ownPlans < 2)) {
    const anchor = texts[labels.findIndex((l) => l !== 'other')] ?? '';
    return { story: true, kind: undefined, reason: `It tells one specific past episode, starting "${clip(anchor)}".` };
  }
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

const FUNCTION_WORDS = new Set(
  'the a an and i we to of in was were my our it that for on with at is so then as by this be had have he she they me us'.split(
    ' ',
  ),
);

/** Any English answer is full of function words; other languages (and code) are not. */
function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 4) return true;
  const hits = words.filter((w) => FUNCTION_WORDS.has(w)).length;
  return hits / words.length >= 0.08;
}

function lengthOf(words: number): Analysis['length'] {
  if (words < 40) return 'too short';
  if (words < 100) return 'short';
  if (words <= 350) return 'good';
  if (words <= 600) return 'long';
  return 'too long';
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
