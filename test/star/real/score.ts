// Scoring a predictor on gold answers with the figures the issue asks for: presence per
// part, every "missing" verdict (what the member is told), story detection, ownership,
// "measured", the confident missing-Result alert, and sentence labels.
import type { Label, Part } from '../../../src/star';
import type { Prediction, Predictor } from '../evaluate';
import type { GoldAnswer } from './corpus';

export const PARTS: Part[] = ['situation', 'task', 'action', 'result'];
const LABELS: Label[] = ['situation', 'task', 'action', 'result', 'other'];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
export interface PRF extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function tally(c: Counts, gold: boolean, got: boolean): void {
  if (gold && got) c.tp++;
  else if (!gold && got) c.fp++;
  else if (gold && !got) c.fn++;
  else c.tn++;
}
export function prf(c: Counts): PRF {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}
const accuracy = (c: Counts) => (c.tp + c.tn) / Math.max(1, c.tp + c.tn + c.fp + c.fn);

export interface Score {
  answers: number;
  presence: Record<Part, PRF>;
  /** presence macro-F1 over the four parts */
  macroF1: number;
  /** the member is told the part is missing (✗ or "add the X"); positive = really absent */
  missing: Record<Part, PRF>;
  /** the confident "Add the Result" alert, over stories only */
  resultAlert: PRF;
  story: PRF;
  storyAccuracy: number;
  /** ownership flag raised = no own action, over gold stories with an own_actions mark */
  ownershipFlag: PRF;
  ownershipAccuracy: number;
  measured: PRF;
  /** the off-topic note; positive = the story really does not fit its question */
  offTopic: PRF;
  measuredAccuracy: number;
  sentenceAccuracy: number;
  labelF1: Record<Label, number>;
  errors: { id: string; what: string }[];
}

function statusOf(p: Prediction, part: Part): 'present' | 'unclear' | 'missing' {
  if (p.status) return p.status[part];
  return p.sentences.some((s) => s.label === part) ? 'present' : 'missing';
}

/** Each gold sentence gets the label of the predicted sentence covering most of it. */
function alignLabels(a: GoldAnswer, p: Prediction): Label[] {
  let cursor = 0;
  const placed = p.sentences.map((s) => {
    const at = a.text.indexOf(s.text, cursor);
    const start = at >= 0 ? at : cursor;
    cursor = start + s.text.length;
    return { start, end: cursor, label: s.label };
  });
  return a.spans.map((g) => {
    let best: Label = 'other';
    let overlap = 0;
    for (const s of placed) {
      const o = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (o > overlap) [overlap, best] = [o, s.label];
    }
    return best;
  });
}

export function score(set: GoldAnswer[], predict: Predictor): Score {
  const pres = Object.fromEntries(PARTS.map((p) => [p, zero()])) as Record<Part, Counts>;
  const miss = Object.fromEntries(PARTS.map((p) => [p, zero()])) as Record<Part, Counts>;
  const lab = Object.fromEntries(LABELS.map((l) => [l, zero()])) as Record<Label, Counts>;
  const [alert, story, own, measured, topic] = [zero(), zero(), zero(), zero(), zero()];
  let correct = 0;
  let total = 0;
  const errors: Score['errors'] = [];
  for (const a of set) {
    const p = predict(a.text, a.question ?? undefined);
    alignLabels(a, p).forEach((got, i) => {
      const gold = (a.spans[i] as GoldAnswer['spans'][number]).label;
      total++;
      if (got === gold) correct++;
      for (const l of LABELS) tally(lab[l], gold === l, got === l);
    });
    for (const part of PARTS) {
      const gold = a.spans.some((s) => s.label === part);
      const st = statusOf(p, part);
      tally(pres[part], gold, st === 'present');
      tally(miss[part], !gold, st === 'missing');
      if (gold !== (st === 'present'))
        errors.push({ id: a.id, what: `${part} ${gold ? 'missed' : 'falsely found'} (${st})` });
      if (gold && st === 'missing') errors.push({ id: a.id, what: `told ${part} is missing` });
    }
    const goldResult = a.spans.some((s) => s.label === 'result');
    if (a.story) tally(alert, !goldResult, p.missingResultAlert);
    tally(story, a.story, p.story);
    if (a.story !== p.story) errors.push({ id: a.id, what: `story should be ${a.story}` });
    if (a.story && a.ownActions !== null && p.ownActions !== undefined) {
      // positive: the story has no action of the speaker's own, and the check says so
      tally(own, !a.ownActions, !p.ownActions);
      if (a.ownActions !== p.ownActions) errors.push({ id: a.id, what: `own-actions check should be ${a.ownActions}` });
    }
    if (a.story && a.onTopic !== null && a.question) {
      tally(topic, !a.onTopic, p.offTopic === true);
      if (!a.onTopic !== (p.offTopic === true))
        errors.push({ id: a.id, what: `off-topic note should be ${!a.onTopic}` });
    }
    tally(measured, a.measured, p.measured);
    if (a.measured !== p.measured) errors.push({ id: a.id, what: `measured should be ${a.measured}` });
  }
  const presence = Object.fromEntries(PARTS.map((p) => [p, prf(pres[p])])) as Record<Part, PRF>;
  return {
    answers: set.length,
    presence,
    macroF1: PARTS.reduce((s, p) => s + presence[p].f1, 0) / PARTS.length,
    missing: Object.fromEntries(PARTS.map((p) => [p, prf(miss[p])])) as Record<Part, PRF>,
    resultAlert: prf(alert),
    story: prf(story),
    storyAccuracy: accuracy(story),
    ownershipFlag: prf(own),
    ownershipAccuracy: accuracy(own),
    measured: prf(measured),
    offTopic: prf(topic),
    measuredAccuracy: accuracy(measured),
    sentenceAccuracy: total ? correct / total : 0,
    labelF1: Object.fromEntries(LABELS.map((l) => [l, prf(lab[l]).f1])) as Record<Label, number>,
    errors,
  };
}

/** Guessing that all four parts are always there and every answer is a story. */
export const allPresent: Predictor = (text) => ({
  story: true,
  measured: /\d/.test(text),
  sentences: [{ text, label: 'action' }],
  missingResultAlert: false,
  status: { situation: 'present', task: 'present', action: 'present', result: 'present' },
  ownershipFlagged: false,
  ownActions: true,
});
