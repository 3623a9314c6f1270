// Scoring the analyser against the labelled answers in test/star/data. Shared by the
// `npm run eval:star` script and the accuracy-floor test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeAnswer, type Label, type Part } from '../../src/star';
import { analyzeDetailed } from '../../src/star/analyze';

type Style = 'prose' | 'lines' | 'bullets' | 'transcript';
export interface LabelledAnswer {
  id: string;
  style: Style;
  story: boolean;
  measured: boolean;
  /**
   * Set on some development answers only: whether the ownership flag should be raised
   * (every action told with "we" or in the passive, no owner named) or not.
   */
  ownership?: 'flagged' | 'owned';
  /** [S|T|A|R|O, sentence]; the answer text is these sentences joined in the answer's style. */
  sentences: [string, string][];
}

export const PARTS: Part[] = ['situation', 'task', 'action', 'result'];
const LABELS: Label[] = ['situation', 'task', 'action', 'result', 'other'];
const CODE: Record<string, Label> = { S: 'situation', T: 'task', A: 'action', R: 'result', O: 'other' };

export type SetName = 'dev' | 'test' | 'holdout' | 'holdout2';

export function loadSet(part: SetName): LabelledAnswer[] {
  const file = fileURLToPath(new URL(`./data/${part}.jsonl`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledAnswer);
}

/** The answer text plus where each labelled sentence sits in it. */
export function compose(a: LabelledAnswer): { text: string; spans: { start: number; end: number; label: Label }[] } {
  let text = '';
  const spans: { start: number; end: number; label: Label }[] = [];
  a.sentences.forEach(([code, sentence], i) => {
    if (i > 0) text += a.style === 'lines' || a.style === 'bullets' ? '\n' : ' ';
    if (a.style === 'bullets') text += '- ';
    spans.push({ start: text.length, end: text.length + sentence.length, label: CODE[code] as Label });
    text += sentence;
  });
  return { text, spans };
}

export interface Prediction {
  story: boolean;
  measured: boolean;
  sentences: { text: string; label: Label }[];
  /**
   * The "missing result" alert as its reader gets it: the feedback tells them to add the
   * Result. For the analyser that is the confident decision only (a story with no sentence
   * labelled Result and no sign of an outcome anywhere); the softer "make the outcome
   * explicit" suggestion does not say the Result is missing and is not counted.
   */
  missingResultAlert: boolean;
  /**
   * What the member is told of each part: 'missing' is a ✗ on the marker or an "add the X"
   * suggestion; 'unclear' is a "?" and a softer wording. Without it, a part with no
   * sentence labelled is read as missing.
   */
  status?: Record<Part, 'present' | 'unclear' | 'missing'>;
  /** The "make your part visible" flag: every action told with "we" or ownerless. */
  ownershipFlagged?: boolean;
  /** The "your own actions" check passed: some action is told as the speaker's own. */
  ownActions?: boolean;
  /** The "does not seem to be about what the question asks" note was given. */
  offTopic?: boolean;
}

export type Predictor = (text: string, question?: string) => Prediction;

export const analyser: Predictor = (text, question) => predictionOf(analyzeDetailed(text, { question }));

/** What the member is told, as the scorers read it, from one analysis. */
export function predictionOf({ analysis: a, detail }: ReturnType<typeof analyzeDetailed>): Prediction {
  return {
    story: a.story,
    measured: a.resultMeasured,
    sentences: a.sentences,
    missingResultAlert: detail.resultAlert === 'missing',
    status: Object.fromEntries(PARTS.map((p) => [p, a.parts[p].status])) as Prediction['status'],
    ownershipFlagged: a.ownership.flagged,
    ownActions: a.parts.action.present && !a.ownership.flagged,
    offTopic: a.fit ? !a.fit.fits : undefined,
  };
}

/** The trivial baseline on the analyser's own sentences: first S, last R, the rest A. */
export const baseline: Predictor = (text) => {
  const a = analyzeAnswer(text);
  const n = a.sentences.length;
  const sentences = a.sentences.map((s, i) => ({
    text: s.text,
    label: (n === 1 ? 'action' : i === 0 ? 'situation' : i === n - 1 ? 'result' : 'action') as Label,
  }));
  const last = sentences[n - 1]?.text ?? '';
  const noResult = !sentences.some((s) => s.label === 'result');
  return { story: true, measured: /\d|percent/.test(last), sentences, missingResultAlert: noResult };
};

interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export interface Report {
  answers: number;
  sentences: number;
  presence: Record<Part, PRF>;
  /**
   * "missing X" alerts; precision = X really is absent. For situation, task and action: no
   * sentence got that label. For result: the confident alert of Prediction.missingResultAlert.
   */
  missing: Record<Part, PRF>;
  /** No sentence labelled Result (the alert's definition before the confident decision). */
  noResultLabel: PRF;
  /** The confident alert over the stories only (non-stories are told to tell a story instead). */
  missingResultInStories: PRF;
  sentenceAccuracy: number;
  labelF1: Record<Label, number>;
  macroF1: number;
  story: PRF;
  notStory: PRF;
  measured: PRF;
  errors: { id: string; what: string }[];
}

export function evaluate(set: LabelledAnswer[], predict: Predictor): Report {
  const pres = Object.fromEntries(PARTS.map((p) => [p, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Part,
    { tp: number; fp: number; fn: number }
  >;
  const miss = Object.fromEntries(PARTS.map((p) => [p, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Part,
    { tp: number; fp: number; fn: number }
  >;
  const lab = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Label,
    { tp: number; fp: number; fn: number }
  >;
  const noResultLabel = { tp: 0, fp: 0, fn: 0 };
  const resultInStories = { tp: 0, fp: 0, fn: 0 };
  const story = { tp: 0, fp: 0, fn: 0 };
  const notStory = { tp: 0, fp: 0, fn: 0 };
  const measured = { tp: 0, fp: 0, fn: 0 };
  let correct = 0;
  let total = 0;
  const errors: { id: string; what: string }[] = [];
  for (const answer of set) {
    const { text, spans } = compose(answer);
    const p = predict(text);
    // place each predicted sentence in the text, then give each gold sentence the label
    // of the predicted sentence that covers most of it
    let cursor = 0;
    const placed = p.sentences.map((s) => {
      const at = text.indexOf(s.text, cursor);
      const start = at >= 0 ? at : cursor;
      cursor = start + s.text.length;
      return { start, end: start + s.text.length, label: s.label };
    });
    const predicted: Label[] = spans.map((g) => {
      let best: Label = 'other';
      let overlap = 0;
      for (const s of placed) {
        const o = Math.min(g.end, s.end) - Math.max(g.start, s.start);
        if (o > overlap) {
          overlap = o;
          best = s.label;
        }
      }
      return best;
    });
    spans.forEach((g, i) => {
      const pl = predicted[i] as Label;
      total++;
      if (pl === g.label) {
        correct++;
        lab[g.label].tp++;
      } else {
        lab[pl].fp++;
        lab[g.label].fn++;
        errors.push({ id: answer.id, what: `${g.label} → ${pl}: ${text.slice(g.start, g.end)}` });
      }
    });
    for (const part of PARTS) {
      const gold = spans.some((s) => s.label === part);
      const got = p.sentences.some((s) => s.label === part);
      count(pres[part], gold, got);
      if (part === 'result') {
        count(miss[part], !gold, p.missingResultAlert);
        count(noResultLabel, !gold, !got);
        if (answer.story) count(resultInStories, !gold, p.missingResultAlert);
        if (gold && p.missingResultAlert) errors.push({ id: answer.id, what: 'false "missing result" alert' });
      } else count(miss[part], !gold, !got);
      if (gold !== got) errors.push({ id: answer.id, what: `${part} ${gold ? 'missed' : 'falsely found'}` });
    }
    count(story, answer.story, p.story);
    count(notStory, !answer.story, !p.story);
    count(measured, answer.measured, p.measured);
    if (answer.story !== p.story) errors.push({ id: answer.id, what: `story should be ${answer.story}` });
    if (answer.measured !== p.measured) errors.push({ id: answer.id, what: `measured should be ${answer.measured}` });
  }
  const fin = <K extends string>(r: Record<K, { tp: number; fp: number; fn: number }>) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, prf((v as PRF).tp, (v as PRF).fp, (v as PRF).fn)]),
    ) as Record<K, PRF>;
  const labelF1 = Object.fromEntries(LABELS.map((l) => [l, prf(lab[l].tp, lab[l].fp, lab[l].fn).f1])) as Record<
    Label,
    number
  >;
  return {
    answers: set.length,
    sentences: total,
    presence: fin(pres),
    missing: fin(miss),
    noResultLabel: prf(noResultLabel.tp, noResultLabel.fp, noResultLabel.fn),
    missingResultInStories: prf(resultInStories.tp, resultInStories.fp, resultInStories.fn),
    sentenceAccuracy: total ? correct / total : 0,
    labelF1,
    macroF1: LABELS.reduce((a, l) => a + labelF1[l], 0) / LABELS.length,
    story: prf(story.tp, story.fp, story.fn),
    notStory: prf(notStory.tp, notStory.fp, notStory.fn),
    measured: prf(measured.tp, measured.fp, measured.fn),
    errors,
  };
}

function count(c: { tp: number; fp: number; fn: number }, gold: boolean, got: boolean): void {
  if (gold && got) c.tp++;
  else if (!gold && got) c.fp++;
  else if (gold && !got) c.fn++;
}
