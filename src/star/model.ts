// The learned sentence model: a multinomial logistic model over the named features of
// vector.ts, trained by `npm run train:star` (test/star/train.ts) on the development parts
// of the labelled sets. Its weights live in weights.json; this file only reads them.
import { readFileSync } from 'node:fs';
import type { Label, Part, Weights } from './label';
import type { Vector } from './vector';

export const MODEL_LABELS: Label[] = ['situation', 'task', 'action', 'result', 'other'];

export interface ModelFile {
  /** per feature name, one weight per label in MODEL_LABELS order */
  weights: Record<string, number[]>;
  /** the order prior's cost of going back from a later part to an earlier one */
  backward: number;
  /**
   * learned sequence scores in MODEL_LABELS order, added to the best-sequence search times
   * `weight`: the opening label, each label after another (next[from][to]), the closing label
   */
  order?: { weight: number; start: number[]; next: number[][]; end: number[] };
  /** a non-story is told every part is missing only when its story probability is at most this */
  notStoryBelow: number;
  /** a part no sentence is labelled with is told missing only when no sentence's probability of it reaches this */
  missingBelow: Record<Part, number>;
  /** a part the best sequence left out is given to its likeliest sentence from this probability on (presence.ts) */
  presentFrom: Record<Part, number>;
  /** the answer-level story model: a logistic model over story.ts's storyVector */
  story?: { weights: Record<string, number>; threshold: number };
  trainedOn: { answers: number; sentences: number; seed: string };
}

let loaded: ModelFile | undefined;

export function model(): ModelFile {
  loaded ??= JSON.parse(readFileSync(new URL('./weights.json', import.meta.url), 'utf8')) as ModelFile;
  return loaded;
}

/** Replace the model in use (training and tests). */
export function useModel(m: ModelFile): void {
  loaded = m;
}

const tables = new WeakMap<ModelFile, Map<string, number[]>>();

/** The weights as a Map, built once per model: a lookup per feature of every sentence. */
function weightsOf(m: ModelFile): Map<string, number[]> {
  let t = tables.get(m);
  if (!t) {
    t = new Map(Object.entries(m.weights));
    tables.set(m, t);
  }
  return t;
}

export function logits(v: Vector, m: ModelFile = model()): number[] {
  const z = [0, 0, 0, 0, 0];
  const table = weightsOf(m);
  for (const [name, value] of v) {
    const w = table.get(name);
    if (!w) continue;
    for (let k = 0; k < 5; k++) z[k] = (z[k] as number) + (w[k] as number) * value;
  }
  return z;
}

export function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export function probabilities(v: Vector, m: ModelFile = model()): Record<Label, number> {
  const [situation, task, action, result, other] = softmax(logits(v, m)) as [number, number, number, number, number];
  return { situation, task, action, result, other };
}

const decoders = new WeakMap<ModelFile, { order: ModelFile['order']; weights: Weights }>();

/** What the best-sequence search takes from the model, built once per model (again if changed). */
export function decoderOf(m: ModelFile = model()): Weights {
  const cached = decoders.get(m);
  if (cached && cached.order === m.order && cached.weights.backward === m.backward) return cached.weights;
  const o = m.order;
  const scaled = (xs: number[]) => Float64Array.from(xs, (x) => x * (o?.weight ?? 0));
  const order = o && { start: scaled(o.start), next: scaled(o.next.flat()), end: scaled(o.end) };
  const weights: Weights = order ? { backward: m.backward, order } : { backward: m.backward };
  decoders.set(m, { order: o, weights });
  return weights;
}

const contrasts = new WeakMap<ModelFile, Map<string, number[]>>();

/** Per feature and label, how much more it speaks for that label than for the average other one. */
function contrastOf(m: ModelFile): Map<string, number[]> {
  let c = contrasts.get(m);
  if (c) return c;
  c = new Map();
  for (const [name, w] of Object.entries(m.weights)) {
    if (name === 'bias' || name.startsWith('rule:')) continue;
    const sum = w.reduce((a, b) => a + b, 0);
    c.set(
      name,
      w.map((x) => x - (sum - x) / 4),
    );
  }
  contrasts.set(m, c);
  return c;
}

/** The features that did most to give this sentence its label, strongest first. */
export function reasons(v: Vector, label: Label, m: ModelFile = model(), n = 3): string[] {
  const k = MODEL_LABELS.indexOf(label);
  const table = contrastOf(m);
  const contrib: [string, number][] = [];
  for (const [name, value] of v) {
    const c = table.get(name);
    if (!c) continue;
    const x = (c[k] as number) * value;
    if (x > 0.05) contrib.push([name, x]);
  }
  return contrib
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([name]) => name);
}
