// The learned sequence scores of the best-sequence search (ModelFile.order): how likely each
// label opens an answer, follows another label and closes an answer, counted on the gold
// labels of the development answers, smoothed by adding k answers' worth spread as the labels
// are (so a context seen rarely says little). Each score is a log ratio to the label's own
// frequency, since the sentence model's probabilities already carry how common a label is:
// what is added is what the neighbours say, not the label's prior again.
import { MODEL_LABELS, type ModelFile } from '../../../src/star/model';
import type { GoldAnswer } from '../real/corpus';
import { goldOf } from './data';

type Order = NonNullable<ModelFile['order']>;

/** how many sentences' worth of the label frequencies is added to every count */
const SMOOTHING = 5;

export interface Counted {
  a: GoldAnswer;
  w: number;
}

/** The counts of openings, closings, labels and label pairs over the answers' gold labels. */
function count(set: Counted[]) {
  const start = [0, 0, 0, 0, 0];
  const end = [0, 0, 0, 0, 0];
  const total = [0, 0, 0, 0, 0];
  const pair = MODEL_LABELS.map(() => [0, 0, 0, 0, 0]);
  for (const { a, w } of set) {
    const ys = goldOf(a).map((l) => MODEL_LABELS.indexOf(l));
    ys.forEach((y, i) => {
      total[y] = (total[y] as number) + w;
      if (i === 0) start[y] = (start[y] as number) + w;
      if (i === ys.length - 1) end[y] = (end[y] as number) + w;
      else {
        const row = pair[y] as number[];
        const z = ys[i + 1] as number;
        row[z] = (row[z] as number) + w;
      }
    });
  }
  return { start, end, total, pair };
}

/** log P(x | context) / P(x), the context's counts smoothed towards P(x). */
function ratio(hits: number, of: number, prior: number): number {
  const p = (hits + SMOOTHING * prior) / (of + SMOOTHING);
  return round(Math.log(p / prior));
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The answers the sequence scores are counted on: the stories. A non-story is Other from
 * end to end, and counting it would only teach that Other follows Other.
 */
export function orderAnswers<T extends Counted>(set: T[]): T[] {
  return set.filter(({ a }) => a.story);
}

/** The sequence scores learned on these answers, to be added `weight` times. */
export function learnOrder(set: Counted[], weight: number): Order {
  const c = count(set);
  const n = sum(c.total);
  const prior = c.total.map((t) => (t + 1) / (n + 5));
  const answers = sum(c.start);
  const start = c.start.map((s, k) => ratio(s, answers, prior[k] as number));
  const next = c.pair.map((row) => row.map((x, k) => ratio(x, sum(row), prior[k] as number)));
  // how much likelier a label is to close the answer than any sentence is to close one
  const closing = answers / n;
  const end = c.end.map((e, k) =>
    round(Math.log((e + SMOOTHING) / ((c.total[k] as number) + SMOOTHING / closing) / closing)),
  );
  return { weight, start, next, end };
}
