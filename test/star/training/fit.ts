// Fitting the analyser's logistic models: deterministic full-batch gradient descent with L2,
// so the same examples always give the same weights.
import { softmax } from '../../../src/star/model';

export interface Example {
  v: Map<string, number>;
  y: number;
  w: number;
}

/** L2 of the sentence model, and of the story model (weaker on the story model overfits) */
const L2 = Number(process.env.STAR_L2 ?? 0.01);
const STORY_L2 = Number(process.env.STAR_STORY_L2 ?? 0.02);
const STEPS = 400;
const RATE = 0.5;
/** a feature seen in fewer training sentences than this gets no weight */
const MIN_COUNT = 3;

/** The multinomial sentence model: one weight per feature and label. */
export function trainWeights(data: Example[]): Record<string, number[]> {
  const counts = new Map<string, number>();
  for (const e of data) for (const k of e.v.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const names = [...counts.keys()].filter((k) => (counts.get(k) ?? 0) >= MIN_COUNT).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const W = names.map(() => [0, 0, 0, 0, 0]);
  const rows = data.map((e) => ({
    x: [...e.v].filter(([k]) => index.has(k)).map(([k, val]) => [index.get(k) as number, val] as const),
    y: e.y,
    w: e.w,
  }));
  const total = rows.reduce((a, r) => a + r.w, 0);
  for (let step = 0; step < STEPS; step++) {
    const G = names.map(() => [0, 0, 0, 0, 0]);
    let loss = 0;
    for (const r of rows) {
      const z = [0, 0, 0, 0, 0];
      for (const [j, val] of r.x) for (let k = 0; k < 5; k++) z[k] = (z[k] as number) + (W[j]?.[k] as number) * val;
      const p = softmax(z);
      loss -= r.w * Math.log(Math.max(1e-12, p[r.y] as number));
      for (const [j, val] of r.x)
        for (let k = 0; k < 5; k++) {
          const g = G[j] as number[];
          g[k] = (g[k] as number) + (r.w * ((p[k] as number) - (k === r.y ? 1 : 0)) * val) / total;
        }
    }
    for (let j = 0; j < names.length; j++)
      for (let k = 0; k < 5; k++) {
        const wj = W[j] as number[];
        const reg = names[j] === 'bias' ? 0 : L2 * (wj[k] as number);
        wj[k] = (wj[k] as number) - RATE * ((G[j]?.[k] as number) + reg);
      }
    if (step % 100 === 0 || step === STEPS - 1)
      process.stderr.write(`step ${step}: loss ${(loss / total).toFixed(4)}\n`);
  }
  return Object.fromEntries(names.map((n, j) => [n, (W[j] as number[]).map((x) => Math.round(x * 1e4) / 1e4)]));
}

/** A binary logistic model over named features, by full-batch gradient descent. */
export function trainBinary(rows: { v: Map<string, number>; y: number; w: number }[]): Record<string, number> {
  const names = [...new Set(rows.flatMap((r) => [...r.v.keys()]))].sort();
  const W = new Map(names.map((n) => [n, 0]));
  const total = rows.reduce((a, r) => a + r.w, 0);
  for (let step = 0; step < 2000; step++) {
    const G = new Map(names.map((n) => [n, 0]));
    for (const r of rows) {
      let z = 0;
      for (const [k, x] of r.v) z += (W.get(k) ?? 0) * x;
      const p = 1 / (1 + Math.exp(-z));
      for (const [k, x] of r.v) G.set(k, (G.get(k) ?? 0) + (r.w * (p - r.y) * x) / total);
    }
    for (const n of names) {
      const w = W.get(n) ?? 0;
      W.set(n, w - RATE * ((G.get(n) ?? 0) + (n === 'bias' ? 0 : STORY_L2 * w)));
    }
  }
  return Object.fromEntries(names.map((n) => [n, Math.round((W.get(n) ?? 0) * 1e4) / 1e4]));
}
