import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_LABELS, type ModelFile, probabilities } from '../../src/star/model';
import { SPLIT_SEED } from './real/corpus';
import { trainBinary, trainWeights } from './training/fit';

const rows = [
  {
    v: new Map([
      ['bias', 1],
      ['past', 1],
      ['iAct', 1],
    ]),
    y: 2,
    w: 1,
  },
  {
    v: new Map([
      ['bias', 1],
      ['time', 1],
    ]),
    y: 0,
    w: 1,
  },
  {
    v: new Map([
      ['bias', 1],
      ['result', 1],
      ['number', 1],
    ]),
    y: 3,
    w: 2,
  },
];

describe('training the analyser', () => {
  it('is deterministic: the same examples give the same weights', () => {
    const data = [...rows, ...rows, ...rows];
    expect(trainWeights(data)).toEqual(trainWeights(data));
    const binary = data.map((r) => ({ ...r, y: r.y === 3 ? 1 : 0 }));
    expect(trainBinary(binary)).toEqual(trainBinary(binary));
  });

  it('learns what the examples show', () => {
    const m: ModelFile = JSON.parse(readFileSync(new URL('../../src/star/weights.json', import.meta.url), 'utf8'));
    const weights = trainWeights([...rows, ...rows, ...rows]);
    const p = probabilities(
      new Map([
        ['bias', 1],
        ['result', 1],
        ['number', 1],
      ]),
      { ...m, weights },
    );
    expect(MODEL_LABELS.reduce((best, l) => (p[l] > p[best] ? l : best))).toBe('result');
  });

  it('the committed weights say what they were trained on', () => {
    const m: ModelFile = JSON.parse(readFileSync(new URL('../../src/star/weights.json', import.meta.url), 'utf8'));
    expect(m.trainedOn.seed).toBe(SPLIT_SEED);
    expect(m.trainedOn.answers).toBeGreaterThan(200);
    expect(m.story?.weights).toBeDefined();
    for (const part of ['situation', 'task', 'action', 'result'] as const) {
      expect(m.missingBelow[part]).toBeGreaterThanOrEqual(0);
      expect(m.presentFrom[part]).toBeLessThanOrEqual(1);
    }
  });
});
