// The line-model experiment (test/guides/line-model/, docs/guides.md § Finding): its logistic
// fit is deterministic and learns what separates the rows, and the weights committed from the
// dev pages score a listed question under a questions heading above a tip under a tips heading.
import { describe, expect, it } from 'vitest';
import { linesOf } from '../../src/guides/page-lines';
import { FEATURE_NAMES, pageFeatures } from './line-model/features';
import { fitLogistic, probability } from './line-model/logistic';
import weights from './line-model/weights.json';

describe('the line classifier experiment', () => {
  it('fits the same weights twice and separates rows by the feature that tells them apart', () => {
    // 80 rows: the second feature is the label, the third is noise
    const y = Array.from({ length: 80 }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
    const X = y.map((f, i) => [1, f, i % 2]);
    const w = fitLogistic(X, y);
    expect(fitLogistic(X, y)).toEqual(w);
    expect(probability(w, [1, 1, 0])).toBeGreaterThan(0.8);
    expect(probability(w, [1, 0, 0])).toBeLessThan(0.2);
  });

  it('scores a listed question under a questions heading above a tip under a tips heading', () => {
    const page = [
      '# Acme Interview',
      '## Coding Questions',
      '- Design a rate limiter for an API.',
      '- Implement an LRU cache.',
      '## Tips',
      '- Practise on a whiteboard.',
      '- Sleep well the night before.',
    ].join('\n');
    const w = FEATURE_NAMES.map((n) => (weights as Record<string, number>)[n] ?? 0);
    const p = pageFeatures(linesOf(page)).map((x) => probability(w, x));
    expect(p[2]).toBeGreaterThan(0.5);
    expect(p[5]).toBeLessThan(0.5);
  });
});
